$CRMROI run tests/cli/data/gates/group_case.csv
