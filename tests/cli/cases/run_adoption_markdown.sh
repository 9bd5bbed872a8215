$CRMROI run -f markdown tests/cli/data/timing/adoption.csv
