$CRMROI sweep --vary readiness_floor=0:1:0.25 -m npv,pv_benefits scenarios/assess/business_case.csv
