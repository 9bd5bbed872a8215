$CRMROI check tests/cli/data/bad_correlation.csv
