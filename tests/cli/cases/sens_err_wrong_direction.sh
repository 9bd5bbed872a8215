$CRMROI sweep --vary leads_per_year=10:1:1 scenarios/areas/lead_management.csv
