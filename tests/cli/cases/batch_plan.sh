# batch -a plan: a row per area of each scenario's best roll-out plan. The
# two-area case's plan by hand: 180,991.74 (A in year 1, B in year 2); the
# roadmap as written 659,921.13 (indep_model.py); a scenario without area rows
# is an error row.
$CRMROI batch -a plan -n 500 scenarios/roadmap tests/cli/data/plan_two_areas.csv tests/cli/data/monthly.csv
