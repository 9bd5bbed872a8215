$CRMROI sweep --vary leads_per_year=1:10 scenarios/areas/lead_management.csv
