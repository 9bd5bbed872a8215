# A whole-number setting's interval is checked against 1..50 before anything is
# sized from it: each of these is refused with exit status 2.
for i in 1:4611686018427387904 1:1e30 1:1e15 1:100 0:5; do
	$CRMROI breakeven --input horizon_years --interval $i scenarios/tei_example.csv
	echo "exit $?"
done
$CRMROI breakeven --input benefit_risk --interval 0:150% scenarios/tei_example.csv
