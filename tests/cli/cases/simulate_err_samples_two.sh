$CRMROI simulate --samples x.csv scenarios/tei_example.csv scenarios/tei_truck.csv
