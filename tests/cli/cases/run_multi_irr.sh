$CRMROI run tests/cli/data/multi_irr.csv
