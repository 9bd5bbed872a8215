$CRMROI run -f markdown tests/cli/data/units_shown.csv
