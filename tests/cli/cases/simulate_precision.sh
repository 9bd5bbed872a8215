$CRMROI simulate --precision 2% --sobol 0 -m npv scenarios/areas/configurator.csv | sed -n 1,6p
