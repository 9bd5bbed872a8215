$CRMROI run -f json tests/cli/data/units_shown.csv
