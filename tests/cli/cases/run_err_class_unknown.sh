$CRMROI run tests/cli/data/gates/class_unknown.csv
