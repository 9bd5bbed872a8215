$CRMROI run --colour scenarios/tei_example.csv
