$CRMROI simulate -n 1000 tests/cli/data/timing/share_draw.csv
