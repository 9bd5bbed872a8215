$CRMROI batch --analysis tornado --pct 10 tests/cli/data/batch/sub scenarios/tei_example.csv
