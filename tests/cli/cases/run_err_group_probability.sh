$CRMROI run tests/cli/data/gates/two_probabilities.csv
