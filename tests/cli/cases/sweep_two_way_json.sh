$CRMROI sweep -f json -m irr --vary "Set-up=5000:25000:10000" --vary Revenue=0:10000:5000 scenarios/tei_example.csv
