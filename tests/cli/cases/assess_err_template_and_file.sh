$CRMROI assess --template scenarios/assess/midway.csv
