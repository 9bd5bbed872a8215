$CRMROI tornado -m nvp scenarios/tei_example.csv
