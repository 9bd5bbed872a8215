$CRMROI simulate -n 1.5 scenarios/tei_example.csv
