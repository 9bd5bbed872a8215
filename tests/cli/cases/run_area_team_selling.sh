$CRMROI run scenarios/areas/team_selling.csv
