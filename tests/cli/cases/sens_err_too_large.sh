$CRMROI sweep --vary leads_per_year=0:1e9:1 scenarios/areas/lead_management.csv
