$CRMROI spider --steps -50,-25,0,25,50 -m roi -f csv scenarios/areas/field_service.csv
