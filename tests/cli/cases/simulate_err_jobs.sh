$CRMROI simulate --jobs 0 scenarios/tei_example.csv
