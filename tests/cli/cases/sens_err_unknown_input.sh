$CRMROI breakeven --input leeds scenarios/areas/lead_management.csv
