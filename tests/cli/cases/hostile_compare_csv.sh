# CSV injection: compare's CSV neutralises a title and a scenario's name
# (its file's) that a spreadsheet would take for a formula.
cp tests/cli/data/hostile/scenario.csv "$TMPDIR_CASE/+1+1.csv"
$CRMROI compare -f csv tests/cli/data/hostile/scenario.csv "$TMPDIR_CASE/+1+1.csv" | sed "s#$TMPDIR_CASE#TMP#g"
