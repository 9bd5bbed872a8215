# batch run gives the execution factor of a scenario with the setting readiness:
# 640/1000 with the default floor of 50% is 0.5 + 0.5 x 0.64 = 0.82 (by hand).
"$CRMROI" batch scenarios/assess/business_case.csv | cut -d, -f1,23
