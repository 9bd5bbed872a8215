#!/bin/sh
# The document's figures as a reader sees them: each case printed to PDF by a
# real headless Chromium (crmroi report --pdf), its text read back with
# pdftotext, and every figure compared with what `crmroi run --format json`
# and `crmroi simulate --format json` give for the same scenario, draws and
# seed, written as the document writes them (whole currency units).
#
#   CRMROI=build/crmroi sh tests/report/figures.sh
#
# Prints one line per figure: where it was looked for, its value from the
# JSON, and "found" or "NOT found" (the golden case doc_pdf_figures compares
# them). Covers: the headline NPV after and before tax and ROI, NPV on hard
# benefits (run --only cash,cost_reduction), peak funding by month (run on
# the monthly grid, where the lowest point of the cumulative is by month;
# after tax too),
# the simulation's P10, P50 and P90 and its probability of a loss after and
# before tax, a CFO case whose decision turns on tax, and each deployment
# option's expected NPV, total costs, MIRR, benefit-cost ratio and risk range;
# the value at risk and expected shortfall of the risk page; the value of
# perfect information of going ahead.
set -u
: "${CRMROI:=$(pwd)/build/crmroi}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
draws=2000
seed=4

# One JSON field of a file (a dotted path), written as the document writes
# money: whole units with thousands separators; "pct1": a rate to 0.1%;
# "ratio": two decimals.
field() {
	/usr/bin/python3 - "$@" <<'PY'
import json, sys
path, key, how = sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "money"
v = json.load(open(path))
for k in key.split("."):
    v = v[int(k)] if k.isdigit() else v[k]
if how == "neg":
    v = -v
    how = "money"
if how == "negmillions":
    v = -v
    how = "millions"
if how == "pct1":
    print("%.1f%%" % (round(v * 1000) / 10))
elif how == "ratio":
    print("%.2f" % v)
elif how == "millions":
    print("%.2f million" % (v / 1e6))
elif how == "pct3":
    t = "%.1f" % (v * 100) if v * 100 >= 10 else "%.2f" % (v * 100)
    print(t.rstrip("0").rstrip(".") + "%")
elif how == "raw":
    print(repr(v))
else:
    print(format(v, ",.0f"))
PY
}

# share P N: a share of N simulated draws as the document writes it, to the
# last digit whose unit is at least its standard error sqrt(P (1 - P) / N).
share() {
	/usr/bin/python3 - "$@" <<'PY'
import math, sys
p, n = float(sys.argv[1]), int(sys.argv[2])
if p == 0:
    print("0 of {:,} draws".format(n))
elif p == 1:
    print("all {:,} draws".format(n))
else:
    se = 100 * math.sqrt(p * (1 - p) / n)
    d = min(3, max(0, math.floor(-math.log10(se))))
    print("%.*f%%" % (d, 100 * p))
PY
}

# below0 CSV COLUMN: the share of the rows of a --samples file whose COLUMN is below 0.
below0() {
	/usr/bin/python3 - "$@" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(sum(float(r[sys.argv[2]]) < 0 for r in rows) / len(rows))
PY
}

# margins PDF LABEL: whether any word lies beyond the right margin (15 mm of
# the A4 page), as a table too wide for the page would.
margins() {
	pdftotext -bbox "$1" "$dir/bbox.html"
	out=$(awk -F'"' '/<page / { w = $2 } /<word / { if ($6 > w - 42.5 + 2) n++ }
		END { print n + 0 }' "$dir/bbox.html")
	echo "$2: $out words beyond the right margin"
}

# look TEXT-FILE LABEL VALUE: whether VALUE is in the text.
look() {
	if grep -qF -- "$3" "$1"; then echo "$2 $3: found"; else echo "$2 $3: NOT found"; fi
}

# ---- the mid-sized case: after and before tax, hard NPV, peak funding, percentiles
s=scenarios/midsize_business_case.csv
"$CRMROI" report --date 2026-12-01 --draws $draws --seed $seed --sobol 0 \
	-o "$dir/m.html" --pdf "$dir/m.pdf" "$s" || { echo "report failed"; exit 1; }
pdftotext -layout -f 1 -l 1 "$dir/m.pdf" "$dir/m1.txt"
pdftotext -layout "$dir/m.pdf" "$dir/m.txt"
"$CRMROI" run -f json "$s" > "$dir/run.json"
"$CRMROI" run -f json --only cash,cost_reduction "$s" > "$dir/hard.json"
# The monthly grid gives the lowest point of the cumulative month by month.
{ cat "$s"; echo "setting,period,month"; } > "$dir/monthly.csv"
"$CRMROI" run -f json "$dir/monthly.csv" > "$dir/monthly.json"
"$CRMROI" simulate -f json -n $draws --seed $seed --sobol 0 "$s" > "$dir/sim.json"
look "$dir/m1.txt" "page 1, NPV after tax" "$(field "$dir/run.json" after_tax.npv)"
look "$dir/m1.txt" "page 1, NPV before tax" "$(field "$dir/run.json" metrics.npv)"
look "$dir/m1.txt" "page 1, ROI after tax" "$(field "$dir/run.json" after_tax.roi pct1)"
look "$dir/m1.txt" "page 1, ROI before tax" "$(field "$dir/run.json" metrics.roi pct1)"
look "$dir/m1.txt" "page 1, NPV on hard benefits" "$(field "$dir/hard.json" metrics.npv)"
look "$dir/m1.txt" "page 1, peak funding" "$(field "$dir/monthly.json" metrics.peak_investment neg)"
# After tax beside before tax, in the row of page 1's headline table.
atp=$(field "$dir/monthly.json" after_tax.peak_investment neg)
btp=$(field "$dir/monthly.json" metrics.peak_investment neg)
if grep -qE "Peak funding, month [0-9]+.* +$atp +$btp( |$)" "$dir/m1.txt"; then
	echo "page 1, peak funding after and before tax $atp $btp: found"
else
	echo "page 1, peak funding after and before tax $atp $btp: NOT found"
fi
echo "page 1, peak funding month: $(grep -oE 'Peak funding, month [0-9]+' "$dir/m1.txt" |
	sed 's/.* //') (monthly grid: $(field "$dir/monthly.json" metrics.peak_investment_month))"
for p in p10 p50 p90; do
	look "$dir/m1.txt" "page 1, $p" "$(field "$dir/sim.json" metrics.npv.$p)"
done
# The probability of a loss after and before tax, in the row of page 1's risk
# box: after tax counted from simulate's draws (--samples), before tax from its JSON.
"$CRMROI" simulate -n $draws --seed $seed --sobol 0 -m npv,after_tax_npv \
	--samples "$dir/draws.csv" "$s" > /dev/null
at=$(share "$(below0 "$dir/draws.csv" after_tax_npv)" $draws)
bt=$(share "$(field "$dir/sim.json" probability.npv_negative raw)" $draws)
if grep -qE "P\(NPV < 0\) +$at +$bt *$" "$dir/m1.txt"; then
	echo "page 1, P(NPV < 0) after and before tax $at $bt: found"
else
	echo "page 1, P(NPV < 0) after and before tax $at $bt: NOT found"
fi
# The bad case on the risk page: value at risk and expected shortfall at 5%.
look "$dir/m.txt" "risk, value at risk at 5%" "$(field "$dir/sim.json" bad_case.levels.0.value_at_risk)"
look "$dir/m.txt" "risk, expected shortfall at 5%" \
	"$(field "$dir/sim.json" bad_case.levels.0.expected_shortfall)"
# What is worth knowing: the EVPI of going ahead, after tax as the document decides, as
# crmroi voi gives it with the same draws and seed.
"$CRMROI" voi -n $draws --seed $seed --after-tax -f json "$s" > "$dir/voi.json"
look "$dir/m.txt" "risk, value of perfect information" "$(field "$dir/voi.json" evpi)"
# Funding in the bad case: peak funding's value at risk at 5%, as simulate gives it.
"$CRMROI" simulate -n $draws --seed $seed --sobol 0 -m npv,peak_funding -f json "$s" > "$dir/peak.json"
look "$dir/m.txt" "risk, peak funding at risk at 5%" \
	"$(field "$dir/peak.json" bad_case.peak_funding.0.value_at_risk negmillions)"
# How far before a loss is likely: breakeven --probability on the most influential input.
"$CRMROI" breakeven --probability 10% --input adoption -n $draws --seed $seed -f json "$s" \
	> "$dir/goal.json"
look "$dir/m.txt" "risk, adoption where P(NPV < 0) is 10%" "Adoption at $(field "$dir/goal.json" rows.0.value pct3)"
margins "$dir/m.pdf" "mid-sized case"
look "$dir/m.txt" "budget, peak funding" "$(field "$dir/monthly.json" metrics.peak_investment neg)"

# ---- a CFO case whose decision turns on tax
s=scenarios/cfo/textbook.csv
"$CRMROI" report --date 2026-12-01 --no-simulation -o "$dir/t.html" --pdf "$dir/t.pdf" "$s" ||
	{ echo "report failed"; exit 1; }
pdftotext -layout -f 1 -l 1 "$dir/t.pdf" "$dir/t1.txt"
"$CRMROI" run -f json "$s" > "$dir/run.json"
look "$dir/t1.txt" "textbook page 1, NPV after tax" "$(field "$dir/run.json" after_tax.npv)"
look "$dir/t1.txt" "textbook page 1, NPV before tax" "$(field "$dir/run.json" metrics.npv)"
echo "textbook page 1: $(grep -oE 'Tax turns the decision' "$dir/t1.txt")"
margins "$dir/t.pdf" "textbook"

# ---- the deployment options: each expected, and its risk range with the same seed
set -- scenarios/deployment/big_bang.csv scenarios/deployment/phased.csv \
	scenarios/deployment/pilot_gate.csv scenarios/deployment/hosted.csv
"$CRMROI" report --date 2026-12-01 --draws $draws --seed $seed --sobol 0 \
	-o "$dir/o.html" --pdf "$dir/o.pdf" "$@" || { echo "report failed"; exit 1; }
pdftotext -layout "$dir/o.pdf" "$dir/o.txt"
# The options table: from its heading to the note under it.
sed -n '/Options compared like with like/,/Expected figures weight/p' "$dir/o.txt" > "$dir/ot.txt"
margins "$dir/o.pdf" "options"
for s in "$@"; do
	n=$(basename "$s" .csv)
	"$CRMROI" run -f json "$s" > "$dir/run.json"
	"$CRMROI" simulate -f json -n $draws --seed $seed --sobol 0 "$s" > "$dir/sim.json"
	look "$dir/ot.txt" "options, $n expected NPV" "$(field "$dir/run.json" metrics.npv)"
	look "$dir/ot.txt" "options, $n total costs" "$(field "$dir/run.json" metrics.total_costs)"
	look "$dir/ot.txt" "options, $n MIRR" "$(field "$dir/run.json" metrics.mirr pct1)"
	look "$dir/ot.txt" "options, $n benefit-cost ratio" "$(field "$dir/run.json" metrics.bcr ratio)"
	for p in p10 p50 p90; do
		look "$dir/ot.txt" "options, $n $p" "$(field "$dir/sim.json" metrics.npv.$p)"
	done
done
