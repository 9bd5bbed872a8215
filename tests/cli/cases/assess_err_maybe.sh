$CRMROI assess tests/cli/data/assess/bad_maybe.csv
