$CRMROI run -f csv scenarios/tei_example.csv scenarios/tei_truck.csv tests/cli/data/monthly.csv
