$CRMROI tornado -f csv scenarios/areas/field_service.csv
