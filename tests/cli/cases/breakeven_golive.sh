$CRMROI breakeven --input golive scenarios/midsize_business_case.csv
