$CRMROI track -f csv scenarios/tracking/plan.csv scenarios/tracking/actuals/*.csv
