$CRMROI sweep scenarios/areas/lead_management.csv
