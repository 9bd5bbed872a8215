$CRMROI run scenarios/areas/opportunity_management.csv
