# -o writes the report whole, and a failed run leaves an earlier report untouched.
out="$TMPDIR_CASE/report.json"
echo "earlier report" > "$out"
$CRMROI run -f json -o "$out" tests/cli/data/bad_rate.csv
echo "exit $?"
cat "$out"
$CRMROI run -f json -o "$out" scenarios/tei_example.csv
echo "exit $?"
grep -c '"npv"' "$out"
ls "$TMPDIR_CASE"
$CRMROI run -o /nonexistent-dir/report.txt scenarios/tei_example.csv
echo "exit $?"
