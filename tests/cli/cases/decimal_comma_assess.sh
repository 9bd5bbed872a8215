# assess with --decimal-comma: shares with a decimal comma (640 of 1000 is
# 0,64), and the template's points (50 points of four criteria: 12,5 each),
# which assess reads back.
$CRMROI assess -f csv --decimal-comma scenarios/assess/midway.csv | head -4
cd "$TMPDIR_CASE" || exit 1
$CRMROI assess --template --decimal-comma -o answers.csv
grep -E '^(id|PS1|PS4|EM1);' answers.csv | cut -c 1-60
$CRMROI assess answers.csv 2>&1 | grep -E 'note|^  Total:'
echo "exit $?"
