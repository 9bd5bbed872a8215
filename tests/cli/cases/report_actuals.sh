# --actuals: the benefits-realisation section of the document (its text, without the chart).
A=scenarios/tracking/actuals
$CRMROI report --date 2027-07-01 --no-simulation --actuals $A/2027-01.csv --actuals $A/2027-02.csv \
	--actuals $A/2027-03.csv --actuals $A/2027-04.csv --actuals $A/2027-05.csv \
	--actuals $A/2027-06.csv scenarios/tracking/plan.csv > "$TMPDIR_CASE/r.html"
echo "exit $?"
sed -n '/<section id="realisation">/,/<\/section>/p' "$TMPDIR_CASE/r.html" | sed '/<svg/,/<\/svg>/d'
# An actuals file is never overwritten, and bad actuals stop the document.
$CRMROI report -o $A/2027-06.csv --actuals $A/2027-06.csv scenarios/tracking/plan.csv; echo "exit $?"
printf 'period,kind,name,value\n40,cost,Training,1\n' | $CRMROI report --no-simulation --actuals - scenarios/tracking/plan.csv; echo "exit $?"
