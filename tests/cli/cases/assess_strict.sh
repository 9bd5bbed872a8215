$CRMROI assess --strict tests/cli/data/assess/partial.csv
