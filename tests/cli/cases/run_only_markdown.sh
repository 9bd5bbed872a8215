$CRMROI run --only cost_reduction,flexibility -f markdown tests/cli/data/gates/classes.csv
