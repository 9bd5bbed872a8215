# simulate's CSV and its --samples file with --decimal-comma: a scenario
# without uncertainty draws its base case every time, NPV 14868,51990984222.
out="$TMPDIR_CASE/draws.csv"
$CRMROI simulate -n 4 --sobol 0 -f csv --decimal-comma --samples "$out" scenarios/tei_example.csv
echo "exit $?"
cat "$out"
