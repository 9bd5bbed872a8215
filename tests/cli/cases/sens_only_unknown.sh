# A class that does not exist is a usage error with a did-you-mean, for
# each command that takes --only; so is an empty list.
f=tests/cli/data/gates/classes.csv
$CRMROI tornado --only cash,cost_reducton $f; echo "exit $?"
$CRMROI spider --only flexibilty $f; echo "exit $?"
$CRMROI sweep --vary "Pilot sales=1:2:1" --only produktivity $f; echo "exit $?"
$CRMROI breakeven --only cost_avoid $f; echo "exit $?"
$CRMROI tornado --only '' $f; echo "exit $?"
