$CRMROI run scenarios/deployment/phased.csv
