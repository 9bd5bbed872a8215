$CRMROI batch -a simulate -n 2000 scenarios/areas/call_center.csv
