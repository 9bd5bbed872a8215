# A bad answer in the readiness file is reported in that file.
printf 'kind,name,value\nsetting,readiness,%s/tests/cli/data/assess/bad_maybe.csv\n' "$(pwd)" > "$TMPDIR_CASE/s.csv"
$CRMROI run "$TMPDIR_CASE/s.csv" 2>&1 | sed "s#$(pwd)/##g"
