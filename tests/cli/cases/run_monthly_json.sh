$CRMROI run -f json tests/cli/data/monthly.csv
