$CRMROI run -f markdown tests/cli/data/risky.csv
