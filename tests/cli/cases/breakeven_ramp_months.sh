$CRMROI breakeven -f csv --input ramp_months tests/cli/data/timing/ramp.csv
