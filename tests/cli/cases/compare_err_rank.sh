$CRMROI compare --rank best scenarios/tei_example.csv
