# CSV injection: track's CSV neutralises line names that a spreadsheet would
# take for a formula; the plan, actuals and variances stay numbers.
d=tests/cli/data/hostile
$CRMROI track -f csv $d/scenario.csv $d/actuals.csv
