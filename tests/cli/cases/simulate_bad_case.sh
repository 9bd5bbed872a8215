# The bad case of NPV ~ Normal(1,000,000, 500,000): value at risk at a level
# is its percentile, mu + sigma z (177,573 at 5%, 359,224 at 10%), expected
# shortfall the mean of the worst draws, mu - sigma phi(z) / level (-31,356
# at 5%, 122,500 at 10%). Python's statistics.NormalDist computes them; the
# simulation's must lie within 5 Monte Carlo standard errors (15,000). x
# drives the worst draws; y, which does not enter NPV, keeps its mean.
f=tests/cli/data/bad_case_normal.csv
$CRMROI simulate -n 200000 --seed 7 -f json $f | python3 -c '
import json, sys
from statistics import NormalDist
d = json.load(sys.stdin)["bad_case"]
n = NormalDist(1e6, 5e5)
for lv in d["levels"]:
    a = lv["level"]; z = NormalDist().inv_cdf(a)
    var, es = n.inv_cdf(a), 1e6 - 5e5 * NormalDist().pdf(z) / a
    print("at %g%%: value at risk %s, expected shortfall %s" % (100 * a,
          "within 15,000 of %s" % format(round(var), ",") if abs(lv["value_at_risk"] - var) < 15000 else "off: %r" % lv,
          "within 15,000 of %s" % format(round(es), ",") if abs(lv["expected_shortfall"] - es) < 15000 else "off: %r" % lv))
dr = {x["name"]: x for x in d["drivers"]}
print("x shifts %s in the worst 10%%" % ("down about 1.75 SD" if abs(dr["x"]["shift_sd"] + 1.755) < 0.05 else dr["x"]))
print("y keeps its mean" if abs(dr["y"]["shift_sd"]) < 0.05 else dr["y"])
'
# The text says it in words, y in percent.
$CRMROI simulate -n 20000 --seed 7 $f | sed -n '/^The bad case/,/^$/p' | grep -c 'expected shortfall'
$CRMROI simulate -n 20000 --seed 7 $f | grep -E '^  y ' | grep -c '%'
# --tail chooses the levels; a level outside (0, 100) is a usage error.
$CRMROI simulate -n 20000 --seed 7 --tail 1,20 -f csv $f | grep -c -E '^bad_case,npv,(value_at_risk|expected_shortfall)_(1|20),'
$CRMROI simulate --tail 100 $f
echo "exit $?"
