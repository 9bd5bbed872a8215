# A rank correlation that is not a number says why in every format: counting cash
# only, NPV is the same in every draw of only_risk.csv, so no value can rank with it.
f=tests/cli/data/gates/only_risk.csv
$CRMROI simulate -n 500 --sobol 0 -m npv --only cash "$f" | grep -o 'n/a (NPV does not vary)'
$CRMROI simulate -n 500 --sobol 0 -m npv --only cash -f csv "$f" | grep '^rank_correlation' | cut -d, -f1,2,3,7
$CRMROI simulate -n 500 --sobol 0 -m npv --only cash -f json "$f" | grep -o '"spearman": null, "spearman_note": "[^"]*"'
$CRMROI simulate -n 500 -m npv --only cash -f csv "$f" | grep '^sobol'
