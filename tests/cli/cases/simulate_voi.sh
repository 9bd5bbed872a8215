# simulate --voi adds the value of information of the decision: the two
# options of tests/cli/data/voi (EVPI 4,000 by hand: option_a.csv) after
# their simulations and comparison; in JSON each scenario's object carries
# the same decision; in CSV a block of its own.
d=tests/cli/data/voi
$CRMROI simulate -n 20000 --sobol 0 --voi $d/option_a.csv $d/option_b.csv | grep -E '^(Value of information|  EVPI|  Resolving)'
$CRMROI simulate -n 4000 --sobol 0 --voi -f json $d/option_a.csv $d/option_b.csv | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(len(d), "scenarios, the same decision in each:", d[0]["value_of_information"] == d[1]["value_of_information"])'
$CRMROI simulate -n 4000 --sobol 0 --voi -f csv $d/option_a.csv $d/option_b.csv | grep -c '^evppi,'
