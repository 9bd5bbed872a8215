$CRMROI check tests/cli/data/risky.csv
