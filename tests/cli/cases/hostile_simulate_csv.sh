# CSV injection: simulate's CSV and its --samples file neutralise a name a
# spreadsheet would take for a formula (@SUM(A1)); the draws stay numbers.
out="$TMPDIR_CASE/draws.csv"
$CRMROI simulate -n 5 --sobol 0 --seed 7 --samples "$out" -f csv tests/cli/data/hostile/scenario.csv | grep -v '^histogram'
cat "$out"
