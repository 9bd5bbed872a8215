$CRMROI run scenarios/tei_example.csv -o
