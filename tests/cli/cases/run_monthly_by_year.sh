$CRMROI run tests/cli/data/monthly.csv
