$CRMROI breakeven --interval 0:1 scenarios/areas/lead_management.csv
