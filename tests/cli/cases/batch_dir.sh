$CRMROI batch tests/cli/data/batch
