$CRMROI simulate -n 2000 --sobol 0 scenarios/assess/business_case.csv
