$CRMROI simulate -m npv,mean scenarios/tei_example.csv
