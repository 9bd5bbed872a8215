$CRMROI tornado --pct 150 scenarios/tei_example.csv
