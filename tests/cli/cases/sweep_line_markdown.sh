$CRMROI sweep -f markdown --vary "Operating cost=0:10000:2500" -m npv,roi scenarios/tei_example.csv
