$CRMROI breakeven --input readiness_score scenarios/assess/business_case.csv
