$CRMROI run scenarios/areas/campaign_management.csv
