$CRMROI run scenarios/deployment/pilot_gate.csv
