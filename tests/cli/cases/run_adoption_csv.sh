$CRMROI run -f csv tests/cli/data/timing/adoption.csv
