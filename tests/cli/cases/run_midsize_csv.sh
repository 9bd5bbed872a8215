$CRMROI run --format csv scenarios/midsize_business_case.csv
