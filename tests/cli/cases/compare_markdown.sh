$CRMROI compare -f markdown --baseline scenarios/deployment/hosted.csv scenarios/deployment/on_premise.csv
