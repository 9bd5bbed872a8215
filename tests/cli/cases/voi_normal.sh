# The value of information of going ahead with NPV ~ Normal(100,000, 200,000)
# against doing nothing: EVPI = s phi(m/s) - m Phi(-m/s) = 39,559 (Python's
# statistics.NormalDist computes it here); the estimate must lie within 5 of
# its standard errors. x is the NPV, so its EVPPI is the EVPI; z does not
# enter NPV: its EVPPI is 0 within its error; the group x, z is the EVPI.
f=tests/cli/data/voi_normal.csv
$CRMROI voi -n 200000 --seed 3 --group x,z -f json $f | python3 -c '
import json, sys
from statistics import NormalDist
d = json.load(sys.stdin)
m, s = 1e5, 2e5
want = s * NormalDist().pdf(m / s) - m * NormalDist().cdf(-m / s)
print("analytic EVPI %s" % format(round(want), ","))
se = d["evpi_standard_error"]
print("EVPI within 5 standard errors" if abs(d["evpi"] - want) < 5 * se else "EVPI off: %r" % d["evpi"])
v = {x["name"]: x for x in d["values"]}
print("x: EVPPI = EVPI" if abs(v["x"]["evppi"] - d["evpi"]) < 1e-6 * d["evpi"] + 5 * se else v["x"])
print("z: EVPPI 0 within its error" if v["z"]["evppi"] <= 5 * v["z"]["standard_error"] + 1 else v["z"])
print("x, z: the EVPI" if abs(v["x, z"]["evppi"] - d["evpi"]) < 5 * se else v["x, z"])
print("no EVPPI above the EVPI" if all(x["evppi"] <= d["evpi"] for x in d["values"]) else "above")
print("P(change) within 5 SE of Phi(-0.5)" if abs(d["p_change"] - NormalDist().cdf(-0.5)) < 5 * (0.31 * 0.69 / 200000) ** 0.5 else d["p_change"])
'
