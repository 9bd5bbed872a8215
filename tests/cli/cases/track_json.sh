$CRMROI track --format json scenarios/tracking/plan.csv scenarios/tracking/actuals/*.csv
