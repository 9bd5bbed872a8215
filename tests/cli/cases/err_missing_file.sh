$CRMROI run no/such/file.csv
