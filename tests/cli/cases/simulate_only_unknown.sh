$CRMROI simulate --only csh tests/cli/data/gates/only_risk.csv
