$CRMROI breakeven --input leads_per_year --interval 20000:30000 scenarios/areas/lead_management.csv
