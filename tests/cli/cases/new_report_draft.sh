# The document of a case with placeholders says on its first page that it is
# a draft, with how many values are still placeholders in each option.
root=$(pwd)
cd "$TMPDIR_CASE" || exit 1
$CRMROI new --areas call_center -o case.csv 2>/dev/null
$CRMROI new --from case.csv -o b.csv 2>/dev/null
$CRMROI report --no-simulation --date 2027-01-01 case.csv -o one.html 2>/dev/null
echo "exit $?"
grep -A1 'statusline"><b>Draft' one.html
$CRMROI report --no-simulation --date 2027-01-01 case.csv b.csv -o two.html 2>/dev/null
grep -A1 'statusline"><b>Draft' two.html
# Without placeholders, no such box.
$CRMROI report --no-simulation --date 2027-01-01 "$root/scenarios/tei_example.csv" -o tei.html
echo "draft boxes: $(grep -c 'Draft' tei.html)"
