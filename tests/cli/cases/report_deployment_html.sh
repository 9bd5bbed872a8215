# Several scenarios: the first is the proposal, the others the deployment options.
$CRMROI report --date 2026-11-30 --no-simulation --title "CRM deployment options" \
	scenarios/deployment/big_bang.csv scenarios/deployment/phased.csv scenarios/deployment/pilot_rollout.csv
