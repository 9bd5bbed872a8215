$CRMROI breakeven --input readiness_score scenarios/midsize_business_case.csv
