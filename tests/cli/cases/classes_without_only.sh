# Without --only, the analyses say which classes their figures count whenever
# run's report does (here a flexibility benefit, left out), without
# "(--only)"; their JSON has "only": null, as run's and batch's.
# By hand (flex_risk.csv, 10%): NPV = -100,000 + 60,000 / 1.1 + 60,000 / 1.21 = 4,132.23.
f=tests/cli/data/gates/flex_risk.csv
$CRMROI run $f | grep -A1 'Benefit classes'
$CRMROI tornado --pct 10 $f | sed -n 3,5p
$CRMROI spider -f markdown $f | sed -n 4,4p
$CRMROI breakeven $f | sed -n 3,4p
$CRMROI sweep --vary discount_rate=0.1:0.1:0.01 $f | sed -n 3,4p
$CRMROI simulate -n 100 --sobol 0 $f | sed -n 3,4p
for c in run tornado spider breakeven "sweep --vary discount_rate=0.1:0.1:0.01" \
	"simulate -n 100 --sobol 0"; do
	printf '%s: ' "${c%% *}"
	$CRMROI $c -f json $f | grep -c '^  "only": null,$'
done
$CRMROI run -f json --only cash,flexibility $f | grep '"only"'
# A scenario whose benefits are all cash names no classes.
echo "lines naming classes: $($CRMROI tornado --pct 10 scenarios/tei_example.csv | grep -c 'Benefit classes')"
