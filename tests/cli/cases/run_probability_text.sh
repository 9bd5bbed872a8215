$CRMROI run -f text tests/cli/data/risky.csv
