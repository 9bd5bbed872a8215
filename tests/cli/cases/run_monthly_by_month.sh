$CRMROI run --by month tests/cli/data/monthly.csv
