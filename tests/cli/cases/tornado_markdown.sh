$CRMROI tornado -f markdown scenarios/areas/call_center.csv
