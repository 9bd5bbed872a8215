$CRMROI sweep -f csv --vary discount_rate=0.1:0.5:0.1 scenarios/tei_example.csv
