$CRMROI run -f json tests/cli/data/gates/classes.csv
