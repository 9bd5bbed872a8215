$CRMROI report --no-simulation --date 2026-11-30 scenarios/deployment/pilot_gate.csv scenarios/deployment/big_bang_at_risk.csv | grep -E -A12 "<h3>(Gates|Benefits by class)"
