$CRMROI run tests/cli/data/gates/classes.csv
