$CRMROI spider --pct 10 scenarios/tei_example.csv
