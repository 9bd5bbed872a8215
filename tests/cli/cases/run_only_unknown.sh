$CRMROI run --only cahs tests/cli/data/gates/classes.csv
