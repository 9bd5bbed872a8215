# simulate --only in every format says which benefit classes the metrics
# count: text and markdown in run's words, CSV a row per class (1 counted,
# 0 left out), JSON the field only (as crmroi batch).
f=tests/cli/data/gates/only_risk.csv
$CRMROI simulate -n 500 --sobol 0 -m npv --bins 1 --only cash $f | sed -n 1,12p
echo
$CRMROI simulate -n 500 --sobol 0 -m npv --bins 1 -f markdown --only cash,flexibility $f | sed -n 1,6p
echo
$CRMROI simulate -n 500 --sobol 0 -m npv --bins 1 -f csv --only cash $f | sed -n 1,9p
