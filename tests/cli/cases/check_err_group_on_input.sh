$CRMROI check tests/cli/data/gates/group_on_input.csv
