$CRMROI run scenarios/areas/proposal_generation.csv
