$CRMROI compare -f csv --only cash tests/cli/data/gates/classes.csv scenarios/deployment/pilot_gate.csv
