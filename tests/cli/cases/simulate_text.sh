$CRMROI simulate -n 20000 --sobol 512 -j 2 tests/cli/data/risky.csv
