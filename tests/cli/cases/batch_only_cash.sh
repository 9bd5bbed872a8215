$CRMROI batch --only cash -f jsonl tests/cli/data/gates/classes.csv scenarios/tei_example.csv
