$CRMROI spider scenarios/areas/opportunity_management.csv
