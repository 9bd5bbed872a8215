$CRMROI batch -a breakeven scenarios/areas/lead_management.csv scenarios/areas/team_selling.csv
