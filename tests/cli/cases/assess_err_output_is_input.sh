cp tests/cli/data/assess/partial.csv "$TMPDIR_CASE/p.csv"
$CRMROI assess -o "$TMPDIR_CASE/p.csv" "$TMPDIR_CASE/p.csv" 2>&1 | sed "s#$TMPDIR_CASE#TMP#g"
cmp tests/cli/data/assess/partial.csv "$TMPDIR_CASE/p.csv" && echo unchanged
