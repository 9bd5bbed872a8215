$CRMROI check scenarios/deployment/pilot_rollout.csv
