$CRMROI run tests/cli/data/warn_late.csv
