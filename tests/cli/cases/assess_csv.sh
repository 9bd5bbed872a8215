$CRMROI assess --format csv scenarios/assess/before.csv scenarios/assess/midway.csv
