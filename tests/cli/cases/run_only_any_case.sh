$CRMROI run --only Cash,COST_REDUCTION tests/cli/data/gates/classes.csv
