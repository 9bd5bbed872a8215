$CRMROI tornado -f json -m irr scenarios/areas/configurator.csv
