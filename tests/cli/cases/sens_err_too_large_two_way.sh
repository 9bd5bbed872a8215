$CRMROI sweep --vary leads_per_year=0:100000:1 --vary margin_per_deal=0:100000:1 scenarios/areas/lead_management.csv
