$CRMROI breakeven scenarios/areas/lead_management.csv
