# spider --only cash,productivity: the hours freed count, the other savings
# do not. With cash alone the inputs (which feed productivity) change nothing.
f=tests/cli/data/gates/only_risk.csv
$CRMROI spider --steps -50,0,50 --only cash,productivity $f
$CRMROI spider --steps -50,0,50 --only cash -f csv $f
$CRMROI spider --steps -50,0,50 --only productivity,cash -f json $f | sed -n 1,7p
$CRMROI spider --steps -50,0,50 --only cash -f markdown $f | sed -n 1,4p
