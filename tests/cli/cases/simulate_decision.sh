# Gates as decisions: the follow-on of tests/cli/data/decide/black_scholes.csv
# decided on its value at month 6 is worth the Black-Scholes call, 4.7594
# (Python computes it here), within 5 standard errors of the mean; committing
# now is worth the forward, S - K e^-rT = 3.951. The bundled pilot decided on
# the uplifts it has shown reports its option to stop in words.
$CRMROI simulate -n 100000 --sobol 0 -f json tests/cli/data/decide/black_scholes.csv | python3 -c '
import json, math, sys
from statistics import NormalDist
d = json.load(sys.stdin)["decisions"]["gates"][0]
S, K, r, s, T = 42, 40, 0.1, 0.2, 0.5
d1 = (math.log(S / K) + (r + s * s / 2) * T) / (s * math.sqrt(T)); d2 = d1 - s * math.sqrt(T)
call = S * NormalDist().cdf(d1) - K * math.exp(-r * T) * NormalDist().cdf(d2)
print("Black-Scholes call %.4f" % call)
print("deciding within 0.07 of it" if abs(d["mean_deciding"] - call) < 0.07 else d)
print("committing within 0.1 of the forward %.3f" % (S - K * math.exp(-r * T)) if abs(d["mean_committing"] - (S - K * math.exp(-r * T))) < 0.1 else d)
print("stops when V < 40: %s" % ("within 1 point of N(-d2)" if abs(d["p_stop"] - NormalDist().cdf(-d2)) < 0.01 else d["p_stop"]))
'
$CRMROI simulate -n 20000 --sobol 0 scenarios/deployment/pilot_decided.csv | sed -n '/^Gates as decisions/,$p'
$CRMROI simulate -n 2000 --sobol 0 -f csv tests/cli/data/decide/black_scholes.csv | grep -c '^decision,follow_on,'
