$CRMROI check scenarios/midsize_business_case.csv
