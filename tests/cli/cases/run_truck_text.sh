$CRMROI run scenarios/tei_truck.csv
