$CRMROI compare -f csv scenarios/deployment/hosted.csv scenarios/deployment/on_premise.csv
