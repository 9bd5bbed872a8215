$CRMROI run scenarios/areas/partner_channel.csv
