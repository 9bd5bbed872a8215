$CRMROI tornado scenarios/tei_example.csv tests/cli/data/bad_rate.csv
