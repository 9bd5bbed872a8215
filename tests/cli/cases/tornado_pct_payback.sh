$CRMROI tornado --pct 20 --metric payback scenarios/tei_example.csv
