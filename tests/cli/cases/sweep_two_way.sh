$CRMROI sweep --vary conversion_uplift=0.2%:0.8%:0.2% --vary margin_per_deal=3000:5000:1000 scenarios/areas/lead_management.csv
