$CRMROI compare scenarios/tei_example.csv tests/cli/data/bad_cycle.csv
