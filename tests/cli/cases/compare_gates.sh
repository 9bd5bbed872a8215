$CRMROI compare scenarios/deployment/big_bang_at_risk.csv scenarios/deployment/pilot_gate.csv
