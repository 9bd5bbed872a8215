$CRMROI run tests/cli/data/units_shown.csv
