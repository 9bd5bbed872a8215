$CRMROI run scenarios/midsize_business_case.csv
