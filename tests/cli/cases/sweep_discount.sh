$CRMROI sweep --vary discount_rate=0%:20%:5% scenarios/tei_example.csv
