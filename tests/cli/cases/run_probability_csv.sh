$CRMROI run -f csv tests/cli/data/risky.csv
