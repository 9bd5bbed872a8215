$CRMROI run scenarios/areas/field_service.csv
