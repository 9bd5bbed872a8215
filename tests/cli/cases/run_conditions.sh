# if(), and(), not(), comparisons and function names in capitals in a run:
# the savings are 5,250, 5,400 and 5,915 (5,000 x 1.03 x 1.1 + 250 in Year 3).
$CRMROI run tests/cli/data/conditions_run.csv
