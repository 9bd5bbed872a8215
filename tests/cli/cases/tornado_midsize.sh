$CRMROI tornado scenarios/midsize_business_case.csv
