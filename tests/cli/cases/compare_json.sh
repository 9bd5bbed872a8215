$CRMROI compare -f json --rank payback scenarios/deployment/conservative.csv scenarios/deployment/optimistic.csv
