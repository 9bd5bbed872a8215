$CRMROI check tests/cli/data/draft_mistakes.csv scenarios/tei_example.csv
