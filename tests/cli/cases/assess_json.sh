$CRMROI assess -f json scenarios/assess/midway.csv
