$CRMROI assess -f markdown tests/cli/data/assess/partial.csv
