$CRMROI sweep --vary horizon_years=1:5:1 -m npv,payback,irr scenarios/midsize_business_case.csv
