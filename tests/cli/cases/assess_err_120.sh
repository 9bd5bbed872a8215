$CRMROI assess tests/cli/data/assess/bad_120.csv
