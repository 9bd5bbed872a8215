$CRMROI run -f json tests/cli/data/timing/adoption.csv
