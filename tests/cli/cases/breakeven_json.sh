$CRMROI breakeven -f json --input "Implementation partner: phase 1" -m payback --target 30 scenarios/midsize_business_case.csv
