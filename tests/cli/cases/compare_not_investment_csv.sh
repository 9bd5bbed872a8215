$CRMROI compare -f csv scenarios/deployment/big_bang.csv scenarios/deployment/phased.csv
