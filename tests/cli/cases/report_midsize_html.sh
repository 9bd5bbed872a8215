# The whole document of the bundled business case: fixed date and seed, few draws.
$CRMROI report --date 2026-11-30 --draws 1000 --seed 7 --author "Finance office" scenarios/midsize_business_case.csv
