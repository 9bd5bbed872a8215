# An answers file of crmroi assess given to check (or to run, or from standard
# input) says what it is and which command reads it, not that its column id
# is unknown.
$CRMROI check scenarios/assess/midway.csv
echo "exit $?"
$CRMROI run - < scenarios/assess/midway.csv
