$CRMROI compare scenarios/deployment/base.csv scenarios/deployment/big_bang.csv scenarios/deployment/phased.csv scenarios/deployment/pilot_rollout.csv
