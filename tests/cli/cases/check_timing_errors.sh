$CRMROI check tests/cli/data/timing/check_errors.csv
