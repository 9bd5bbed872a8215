# An output never overwrites an input, and a failed run leaves the earlier document as it was.
cp scenarios/tei_example.csv tests/cli/data/bad_rate.csv "$TMPDIR_CASE/"
root=$(pwd)
cd "$TMPDIR_CASE" || exit 1
$CRMROI report -o tei_example.csv tei_example.csv; echo "exit $?"
$CRMROI report --pdf tei_example.csv -o x.html tei_example.csv; echo "exit $?"
$CRMROI report -o ./tei_example.csv --no-simulation scenarios.csv tei_example.csv; echo "exit $?"
cmp "$root/scenarios/tei_example.csv" tei_example.csv && echo "scenario unchanged"
echo "earlier document" > case.html
$CRMROI report --no-simulation -o case.html tei_example.csv bad_rate.csv; echo "exit $?"
cat case.html
$CRMROI report --no-simulation -o no/such/dir/case.html tei_example.csv; echo "exit $?"
ls
