$CRMROI run -f json scenarios/tei_example.csv scenarios/tei_truck.csv
