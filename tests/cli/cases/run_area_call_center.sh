$CRMROI run scenarios/areas/call_center.csv
