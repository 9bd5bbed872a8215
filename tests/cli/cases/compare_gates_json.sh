$CRMROI compare -f json tests/cli/data/gates/classes.csv scenarios/tei_example.csv --rank npv
