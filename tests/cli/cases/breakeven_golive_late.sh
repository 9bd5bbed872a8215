$CRMROI breakeven -f csv tests/cli/data/timing/late.csv
