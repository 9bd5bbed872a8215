# breakeven --probability: the value of an input at which P(NPV < 0) is the
# target, on common draws. NPV = 1000 x + y, y normal: 10% at x = 356.31
# (tests/cli/data/prob_goal.csv; Python's statistics.NormalDist here), which
# the answer's band (two standard errors of P either side) must hold; 15.87%
# at the base. CSV keeps the name and the unrounded numbers; without --input
# it is a usage error.
f=tests/cli/data/prob_goal.csv
$CRMROI breakeven --probability 10% --input x $f || exit 1
$CRMROI breakeven --probability 10% --input x -f json $f | python3 -c '
import json, sys
from statistics import NormalDist
d = json.load(sys.stdin)
r = d["rows"][0]
want = (100000 - 200000 * NormalDist().inv_cdf(0.1)) / 1000
print("analytic %.2f inside the band" % want if r["band_from"] <= want <= r["band_to"] else "off: %r" % r)
print("P at base within 3 SE of %.4f" % NormalDist().cdf(-1) if abs(r["p_negative_at_base"] - NormalDist().cdf(-1)) < 3 * (0.16 * 0.84 / 10000) ** 0.5 else r)
'
$CRMROI breakeven --probability 10% $f
echo "exit $?"
