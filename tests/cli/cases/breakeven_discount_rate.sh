$CRMROI breakeven --input discount_rate --interval 0:200% scenarios/tei_example.csv
