$CRMROI run tests/cli/data/timing/adoption.csv
