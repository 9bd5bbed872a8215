$CRMROI batch -f jsonl tests/cli/data/batch/a_tei.csv tests/cli/data/batch/sub
