$CRMROI assess tests/cli/data/assess/bad_between.csv
