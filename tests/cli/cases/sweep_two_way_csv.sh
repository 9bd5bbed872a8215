$CRMROI sweep -f csv -m payback --vary discount_rate=5%:15%:5% --vary leads_per_year=4000:12000:4000 scenarios/areas/lead_management.csv
