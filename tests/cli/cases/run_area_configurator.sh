$CRMROI run scenarios/areas/configurator.csv
