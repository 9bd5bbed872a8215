$CRMROI check tests/cli/data/track_thin_plan.csv
