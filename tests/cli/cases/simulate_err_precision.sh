$CRMROI simulate --precision 150% scenarios/tei_example.csv
