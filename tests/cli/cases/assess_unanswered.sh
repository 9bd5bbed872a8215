$CRMROI assess tests/cli/data/assess/partial.csv
