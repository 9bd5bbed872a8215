$CRMROI tornado scenarios/tei_truck.csv
