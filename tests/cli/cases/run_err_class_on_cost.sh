$CRMROI run tests/cli/data/gates/class_on_cost.csv
