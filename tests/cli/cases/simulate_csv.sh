$CRMROI simulate -n 5000 --sobol 0 --seed 7 -m npv,irr,discounted_payback -f csv scenarios/areas/field_service.csv
