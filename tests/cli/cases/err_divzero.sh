$CRMROI run tests/cli/data/bad_divzero.csv
