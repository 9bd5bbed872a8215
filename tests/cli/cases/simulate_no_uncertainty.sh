$CRMROI simulate -n 100 scenarios/tei_example.csv
