$CRMROI run scenarios/areas/self_service.csv
