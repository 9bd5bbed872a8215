# Markdown of compare: titles and scenarios' names (their files', here one
# with a tag and an ampersand) are escaped in the lists, headings, ranking and tables.
cp tests/cli/data/hostile/scenario.csv "$TMPDIR_CASE/<i>&co.csv"
$CRMROI compare -f markdown tests/cli/data/gates/classes.csv "$TMPDIR_CASE/<i>&co.csv" | sed "s#$TMPDIR_CASE#TMP#g"
