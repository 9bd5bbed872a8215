$CRMROI simulate -n 5000 --sobol 256 --bins 5 -f json tests/cli/data/risky.csv
