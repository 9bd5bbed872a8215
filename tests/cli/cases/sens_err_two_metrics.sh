$CRMROI tornado -m npv,irr scenarios/tei_example.csv
