$CRMROI run -f markdown scenarios/midsize_business_case.csv
