$CRMROI compare scenarios/deployment/base.csv tests/cli/data/base_7y.csv
