$CRMROI run tests/cli/data/timing/varying.csv
