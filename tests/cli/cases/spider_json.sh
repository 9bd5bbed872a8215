$CRMROI spider -f json --steps=-10,10 scenarios/areas/self_service.csv
