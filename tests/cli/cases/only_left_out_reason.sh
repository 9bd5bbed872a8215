# A row that moves nothing because the metrics leave out every line it feeds
# says why. classes.csv: Rollout savings is cost_reduction, Later module is
# flexibility; counting cash, NPV = -100,000 - 90,000 / 1.1 + 50,000 / 1.21
# = -140,495.87 whatever they are.
f=tests/cli/data/gates/classes.csv
$CRMROI tornado --pct 10 --only cash $f | sed -n '/Input  *Note/,/^$/p'
$CRMROI tornado --pct 10 --only cash -f json $f | grep -E '"name"|"note"'
$CRMROI breakeven --only cash --input "Rollout savings" -f csv $f
# Without --only flexibility is left out, and says so.
$CRMROI breakeven --input "Later module" $f | tail -3
# midsize: service_jobs feeds cost_reduction and productivity benefits. Left
# out with --only cash; counted (a swing, no note) with cost_reduction.
m=scenarios/midsize_business_case.csv
$CRMROI tornado --pct 10 --only cash -f csv $m | grep -E '^(name|service_jobs|first_fix_uplift),'
$CRMROI tornado --pct 10 --only cash,cost_reduction -f csv $m | grep -E '^(name|service_jobs|quotes_per_year),'
