# check states the execution readiness of a scenario that has one: 640/1000
# gives benefits x 0.82 (by hand: 50% + 50% x 640/1000).
"$CRMROI" check scenarios/assess/business_case.csv | head -3
