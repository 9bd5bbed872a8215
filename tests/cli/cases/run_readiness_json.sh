$CRMROI run -f json scenarios/assess/business_case.csv | sed -n "/readiness/p;/\"npv\"/p;/pv_benefits/p"
