$CRMROI simulate -n 3000 --sobol 128 -f markdown scenarios/areas/lead_management.csv
