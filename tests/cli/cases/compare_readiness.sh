# compare states the execution readiness of each scenario that has one; its
# NPV falls from 2,716,028.43 to 1,673,433.08 with benefits x 0.82.
"$CRMROI" compare scenarios/midsize_business_case.csv scenarios/assess/business_case.csv 2>/dev/null | head -12
