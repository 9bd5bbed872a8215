$CRMROI run --by month scenarios/tei_example.csv
