$CRMROI run -f json tests/cli/data/risky.csv
