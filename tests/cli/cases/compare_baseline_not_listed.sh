$CRMROI compare --baseline scenarios/tei_example.csv --rank irr scenarios/tei_truck.csv tests/cli/data/monthly.csv
