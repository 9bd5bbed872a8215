$CRMROI compare -f json --rank npv scenarios/deployment/base.csv tests/cli/data/base_7y.csv
