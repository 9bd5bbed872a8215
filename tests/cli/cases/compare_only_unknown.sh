$CRMROI compare --only productivty scenarios/deployment/pilot_gate.csv
