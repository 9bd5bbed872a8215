$CRMROI run -f csv tests/cli/data/gates/classes.csv
