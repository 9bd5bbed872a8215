$CRMROI run scenarios/assess/business_case.csv
