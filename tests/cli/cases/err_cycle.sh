$CRMROI run tests/cli/data/bad_cycle.csv
