# batch takes --only with the analysis run only, as crmroi tornado,
# breakeven and simulate do not take it: a usage error naming the analysis.
for a in tornado breakeven simulate; do
	$CRMROI batch -a $a --only cash scenarios/tei_example.csv
	[ $? -eq 2 ] && echo "$a: a usage error"
done
# Order does not matter.
$CRMROI batch --only cash -a simulate scenarios/tei_example.csv
