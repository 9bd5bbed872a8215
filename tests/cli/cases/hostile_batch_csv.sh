# CSV injection: batch's CSV of every analysis neutralises a title and a name
# a spreadsheet would take for a formula.
d=tests/cli/data/hostile/scenario.csv
$CRMROI batch $d
$CRMROI batch -a tornado $d
$CRMROI batch -a breakeven --target 80000 $d
$CRMROI batch -a simulate -n 50 $d | cut -d, -f1-11
