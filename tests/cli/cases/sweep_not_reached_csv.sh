$CRMROI sweep -f csv -m payback,npv --vary Revenue=0:15000:5000 scenarios/tei_example.csv
