$CRMROI run --only cash, tests/cli/data/gates/classes.csv
