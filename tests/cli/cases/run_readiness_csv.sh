$CRMROI run -f csv scenarios/assess/business_case.csv | grep -E "^(readiness|metric,npv|metric,pv_benefits)"
