# --raw-text: every CSV output writes its text cells as they are (no ' before
# =, +, - or @), for pipelines that want the bytes; quoting stays RFC 4180.
d=tests/cli/data/hostile
$CRMROI run -f csv --raw-text $d/scenario.csv | grep -v '^metric\|^total'
$CRMROI tornado -f csv --raw-text $d/scenario.csv
$CRMROI sweep -f csv --raw-text --vary '@SUM(A1)=20000:40000:10000' --vary seats=80:120:40 $d/scenario.csv
$CRMROI batch --raw-text -a tornado $d/scenario.csv
$CRMROI track -f csv --raw-text $d/scenario.csv $d/actuals.csv | grep '^index'
out="$TMPDIR_CASE/draws.csv"
$CRMROI simulate -n 2 --sobol 0 --raw-text --samples "$out" -f csv $d/scenario.csv | grep '^rank_correlation'
head -1 "$out"
cp $d/answers.csv "$TMPDIR_CASE/=answers.csv"
(cd "$TMPDIR_CASE" && $CRMROI assess -f csv --raw-text =answers.csv 2>/dev/null | head -2)
# A text format is not changed by it.
$CRMROI tornado --raw-text $d/scenario.csv | tail -3
