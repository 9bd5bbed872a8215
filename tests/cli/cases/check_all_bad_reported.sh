$CRMROI check tests/cli/data/bad_rate.csv scenarios/tei_example.csv tests/cli/data/bad_cycle.csv
