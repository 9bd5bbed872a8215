# --only naming a class no benefit of the scenario has (classes.csv has cash,
# cost_reduction and flexibility benefits, no productivity): every command
# lists it as absent in the same sentence, and warns once per file on
# standard error; the exit status stays 0. Counting costs only, NPV is
# -PV(costs) = -100,000 - 0.7 x 200,000 / 1.1 = -227,272.73.
f=tests/cli/data/gates/classes.csv
$CRMROI run --only productivity -o "$TMPDIR_CASE/run.txt" $f
echo "exit $?"
grep -A2 'Benefit classes' "$TMPDIR_CASE/run.txt"
grep -E '^ *NPV ' "$TMPDIR_CASE/run.txt"
$CRMROI tornado --pct 10 --only productivity $f | sed -n 3,6p
$CRMROI spider --only productivity -f markdown $f | sed -n 4,4p
$CRMROI breakeven --only productivity $f | sed -n 3,5p
$CRMROI sweep --only productivity --vary discount_rate=0.1:0.1:0.01 $f | sed -n 3,5p
$CRMROI simulate -n 100 --sobol 0 --only productivity $f | sed -n 3,5p
$CRMROI compare --only productivity $f | grep -A1 'benefit classes'
# A class named that has benefits: the metrics count it, the absent one is named.
$CRMROI tornado --pct 10 --only cash,productivity $f | sed -n 3,6p
$CRMROI batch --only productivity,cash -f jsonl $f | grep -o '"only": "[a-z,]*"\|"npv": [-0-9.]*'
# Two classes absent: one warning naming both.
$CRMROI run --only productivity,cost_avoidance,cash -f json $f | grep '"only"'
