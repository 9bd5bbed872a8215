$CRMROI run --format json scenarios/midsize_business_case.csv
