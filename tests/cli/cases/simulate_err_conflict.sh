$CRMROI simulate -n 100 tests/cli/data/bad_correlation.csv
