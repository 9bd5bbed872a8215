# The readiness answers file a scenario reads is one of the command's inputs:
# no output may replace it (exit 2), whatever the command.
d=$TMPDIR_CASE
cp scenarios/midsize_business_case.csv "$d/"
mkdir -p "$d/assess"
cp scenarios/assess/business_case.csv scenarios/assess/midway.csv "$d/assess/"
cp "$d/assess/midway.csv" "$d/before.csv"
$CRMROI run -o "$d/assess/midway.csv" "$d/assess/business_case.csv" 2>"$d/err"; echo "exit $?"
$CRMROI simulate -n 100 --sobol 0 --samples "$d/assess/midway.csv" "$d/assess/business_case.csv" \
	>/dev/null 2>>"$d/err"; echo "exit $?"
$CRMROI report --no-simulation -o "$d/assess/midway.csv" "$d/assess/business_case.csv" \
	2>>"$d/err"; echo "exit $?"
$CRMROI workbook -o "$d/assess/midway.csv" "$d/assess/business_case.csv" 2>>"$d/err"; echo "exit $?"
sed "s|$d|DIR|" "$d/err"
cmp -s "$d/assess/midway.csv" "$d/before.csv" && echo "the answers file is untouched"
