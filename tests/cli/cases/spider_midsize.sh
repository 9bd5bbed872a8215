$CRMROI spider scenarios/midsize_business_case.csv
