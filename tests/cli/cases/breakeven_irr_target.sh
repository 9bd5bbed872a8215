$CRMROI breakeven -m irr --target 25% -f csv scenarios/areas/partner_channel.csv
