$CRMROI assess scenarios/assess/before.csv scenarios/assess/midway.csv
