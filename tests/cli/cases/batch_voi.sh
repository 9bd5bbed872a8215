# batch -a voi: a row per uncertain value with the scenario's EVPI on each, go
# ahead or not. NPV ~ Normal(100,000, 200,000): EVPI 39,559 by the normal loss
# integral (Python's statistics.NormalDist here), within 5 standard errors;
# x carries it all, z nothing. The seed column repeats the row with voi.
out=$($CRMROI batch -a voi -f jsonl tests/cli/data/voi_normal.csv) || exit 1
printf '%s\n' "$out" | python3 -c '
import json, sys
from statistics import NormalDist
rows = [json.loads(l) for l in sys.stdin]
want = 2e5 * NormalDist().pdf(0.5) - 1e5 * NormalDist().cdf(-0.5)
r = {x["name"]: x for x in rows}
print(len(rows), "rows:", ", ".join(sorted(r)))
print("go ahead" if rows[0]["go_ahead"] == 1 else "stop")
print("EVPI within 5 standard errors of %s" % format(round(want), ",") if abs(rows[0]["evpi"] - want) < 5 * rows[0]["evpi_standard_error"] else rows[0])
print("x: EVPPI = EVPI" if abs(r["x"]["evppi"] - r["x"]["evpi"]) < 1e-6 * r["x"]["evpi"] else r["x"])
print("z: 0" if r["z"]["evppi"] <= 5 * r["z"]["standard_error"] + 1 else r["z"])
'
seed=$(printf '%s\n' "$out" | sed -n 1p | sed 's/.*"seed": \([0-9]*\).*/\1/')
a=$(printf '%s\n' "$out" | sed -n 1p | sed 's/.*"evpi": \([0-9.e+-]*\),.*/\1/')
b=$($CRMROI voi -n 10000 --seed "$seed" -f csv tests/cli/data/voi_normal.csv | grep '^evpi,,,evpi,' | cut -d, -f5 | tr -d '\r')
[ "$a" = "$b" ] && echo "voi --seed repeats the row"
$CRMROI batch -a voi tests/cli/data/voi_normal.csv | head -1
