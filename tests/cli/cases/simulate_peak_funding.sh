# -m peak_funding: peak funding by month per draw, and its bad case. For
# tests/cli/data/peak_normal.csv the value at risk at 5% is -132,897 and the
# expected shortfall -141,254 (Python's statistics.NormalDist here); the
# simulation's must lie within 600 (about 5 standard errors of the 5th
# percentile of 200,000 draws). Text says it in words; CSV gives the rows.
f=tests/cli/data/peak_normal.csv
$CRMROI simulate -n 200000 --seed 3 --sobol 0 -m npv,peak_funding -f json $f | python3 -c '
import json, sys
from statistics import NormalDist
d = json.load(sys.stdin)["bad_case"]["peak_funding"][0]
z = NormalDist().inv_cdf(0.95)
var, es = -(1e5 + 2e4 * z), -(1e5 + 2e4 * NormalDist().pdf(z) / 0.05)
print("value at risk within 600 of %s" % format(round(var), ",") if abs(d["value_at_risk"] - var) < 600 else d)
print("expected shortfall within 600 of %s" % format(round(es), ",") if abs(d["expected_shortfall"] - es) < 600 else d)
'
$CRMROI simulate -n 20000 --seed 3 --sobol 0 -m npv,peak_funding $f | grep -c 'worst 5% of draws for funding'
$CRMROI simulate -n 2000 --seed 3 --sobol 0 -m npv,peak_funding -f csv $f | grep -c '^bad_case,peak_funding,'
