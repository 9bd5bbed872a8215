$CRMROI sweep --vary horizon_years=1:3:0.5 scenarios/tei_example.csv
