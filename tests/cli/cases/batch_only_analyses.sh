# batch --only with tornado, breakeven and simulate: the column only after
# error, the metrics counting those classes. Without --only there is no such
# column (run always has it).
f=tests/cli/data/gates/classes.csv
$CRMROI batch -a tornado --pct 10 --only cash $f
$CRMROI batch -a tornado --pct 10 $f | head -1
$CRMROI batch -a breakeven -f jsonl --only cash tests/cli/data/gates/only_risk.csv
$CRMROI batch -a simulate -n 500 --only cash tests/cli/data/gates/only_risk.csv | cut -d, -f1-13
$CRMROI batch -a simulate -n 500 -f jsonl --only flexibility,cash tests/cli/data/gates/only_risk.csv |
	grep -oE '"(only|metric)": "[^"]*"|"mean": [^,]*' | paste -d' ' - - -
# An error row keeps the column.
$CRMROI batch -a tornado --only cash tests/cli/data/gates/class_unknown.csv
echo "exit $?"
