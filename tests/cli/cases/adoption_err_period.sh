$CRMROI run tests/cli/data/timing/share_above.csv
