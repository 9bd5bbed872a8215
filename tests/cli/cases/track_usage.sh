$CRMROI track scenarios/tracking/plan.csv
