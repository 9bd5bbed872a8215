$CRMROI breakeven --input Revenue --interval 12000:40000 scenarios/tei_example.csv
