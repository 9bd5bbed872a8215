# An actuals file of crmroi track given to check says what it is and which
# command reads it; so does track given the plan and its actuals in the wrong
# order, at each file.
$CRMROI check scenarios/tracking/actuals/2027-01.csv
echo "exit $?"
$CRMROI track scenarios/tracking/actuals/2027-01.csv scenarios/tracking/plan.csv
echo "exit $?"
$CRMROI track scenarios/tracking/plan.csv scenarios/tei_example.csv
