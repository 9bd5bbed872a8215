$CRMROI breakeven --input horizon_years scenarios/midsize_business_case.csv
