# The gates and the benefits by class of a gated proposal beside an option at risk.
# A class is printed with its name as the class column writes it (cash), the
# document writing it for people (Cash).
$CRMROI report --no-simulation --date 2026-11-30 scenarios/deployment/pilot_gate.csv scenarios/deployment/big_bang_at_risk.csv |
	grep -E -A12 "<h3>(Gates|Benefits by class)" | sed 's#^<tr><th>Cash</th>#<tr><th>cash</th>#'
