$CRMROI track -f markdown scenarios/tracking/plan.csv scenarios/tracking/actuals/*.csv
