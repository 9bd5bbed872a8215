$CRMROI sweep --vary discount_rate=-150%:10%:10% scenarios/tei_example.csv
