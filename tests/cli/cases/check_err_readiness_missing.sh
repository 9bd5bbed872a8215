printf 'kind,name,value\nsetting,readiness,nowhere.csv\n' > "$TMPDIR_CASE/s.csv"
$CRMROI check "$TMPDIR_CASE/s.csv" 2>&1 | sed "s#$TMPDIR_CASE#TMP#g"
