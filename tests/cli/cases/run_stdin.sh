cat scenarios/tei_example.csv | $CRMROI run -f csv -
