$CRMROI assess scenarios/assess/midway.csv
