$CRMROI tornado --pct 90 tests/cli/data/timing/early.csv
