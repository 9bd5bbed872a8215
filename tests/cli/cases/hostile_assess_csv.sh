# CSV injection: assess's CSV neutralises an answers file's name that a
# spreadsheet would take for a formula.
cp tests/cli/data/hostile/answers.csv "$TMPDIR_CASE/=answers.csv"
cd "$TMPDIR_CASE" && $CRMROI assess -f csv =answers.csv 2>/dev/null | head -8
