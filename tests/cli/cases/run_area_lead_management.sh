$CRMROI run scenarios/areas/lead_management.csv
