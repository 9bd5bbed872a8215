$CRMROI run tests/cli/data/bad_rate.csv
