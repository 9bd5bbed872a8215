$CRMROI run -f xml scenarios/tei_example.csv
