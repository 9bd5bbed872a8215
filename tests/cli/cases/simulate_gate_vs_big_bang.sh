# The pilot gate against a big bang with the same chance of working (70%),
# by simulation. The bounds are computed without crmroi (indep_model.py, see
# tests/cli/independent.tsv): a draw where the rollout is not bought costs the
# pilot alone, -(PV of the pilot's costs) with Integration anywhere from 180,000
# to 320,000; a draw where the big bang does not work costs every cost, at
# least -3,116,706.45 (Implementation and Integration at their lows).
# The risk measures a CFO reads are compared from the simulation's own
# statistics: the 5th and 10th percentiles of NPV, the mean, the standard
# deviation and the probability of a loss.
d=$TMPDIR_CASE
for s in pilot_gate big_bang_at_risk; do
	$CRMROI simulate -n 20000 --sobol 0 --seed 3 -j 2 -m npv -f csv --samples "$d/$s.draws" \
		scenarios/deployment/$s.csv > "$d/$s.csv" || echo "simulate $s: exit $?"
	# CSV lines end in CRLF; awk compares numbers only without the CR.
	tr -d '\r' < "$d/$s.draws" > "$d/$s.txt"
	tr -d '\r' < "$d/$s.csv" > "$d/$s.stats" && mv "$d/$s.stats" "$d/$s.csv"
done
stat() { awk -F, -v s="$2" -v k="$3" '$1 == s && $3 == k { print $4 }' "$d/$1.csv"; }
verdict() { if [ "$2" = 1 ]; then echo "$1: yes"; else echo "$1: NO"; fi; }
# The columns of the samples: the event (0 or 1) and NPV are the last two.
ok=$(awk -F, 'NR > 1 && $(NF - 1) == 0 && ($NF < -1075009.0909091 - 1e-6 || $NF > -941372.72727273 + 1e-6) { bad = 1 }
	NR > 1 && $(NF - 1) == 0 { n++ } END { print (n > 0 && !bad) ? 1 : 0 }' "$d/pilot_gate.txt")
verdict "pilot_gate: every draw without the rollout has NPV from -1,075,009.09 to -941,372.73 (the pilot alone)" "$ok"
ok=$(awk -F, 'NR > 1 { n++; k += $(NF - 1) } END { p = k / n; se = sqrt(0.21 / n); print (p > 0.7 - 3 * se && p < 0.7 + 3 * se) ? 1 : 0 }' "$d/pilot_gate.txt")
verdict "pilot_gate: share of draws with the rollout bought within 3 standard errors of 70%" "$ok"
ok=$(awk -F, 'NR > 1 && $(NF - 1) == 0 && $NF > -3116706.4458609 + 1e-6 { bad = 1 }
	NR > 1 && $(NF - 1) == 0 { n++ } END { print (n > 0 && !bad) ? 1 : 0 }' "$d/big_bang_at_risk.txt")
verdict "big_bang_at_risk: every draw where it does not work has NPV at or below -3,116,706.45" "$ok"
for k in p5 p10 mean; do
	ok=$(awk -v a="$(stat pilot_gate metric "$k")" -v b="$(stat big_bang_at_risk metric "$k")" 'BEGIN { print (a > b) ? 1 : 0 }')
	verdict "$k of NPV higher with the pilot gate" "$ok"
done
ok=$(awk -v a="$(stat pilot_gate metric sd)" -v b="$(stat big_bang_at_risk metric sd)" 'BEGIN { print (a < b) ? 1 : 0 }')
verdict "standard deviation of NPV lower with the pilot gate" "$ok"
ok=$(awk -v a="$(stat pilot_gate probability share)" -v b="$(stat big_bang_at_risk probability share)" 'BEGIN { d = a - b; print (d < 0.03 && d > -0.03) ? 1 : 0 }')
verdict "probability of NPV < 0 within 3 points of each other (both lose whenever the program fails)" "$ok"
