$CRMROI run -f csv tests/cli/data/units_shown.csv
