# batch -a simulate prints each scenario's own seed (column seed); crmroi
# simulate --seed S -n N on the file gives the row's figures byte for byte.
# The seed depends on the path below the PATH argument, so batching the
# parent folder gives the same file another seed, and that seed reproduces
# that row too.
d=$TMPDIR_CASE
mkdir -p "$d/cases"
cp -R scenarios/deployment "$d/cases/"
f="$d/cases/deployment/pilot_gate.csv"
# The batch rows of file $1 -> "metric,statistic,value" lines, as simulate
# -f csv names them; then the seed of its rows.
rows() {
	python3 -c '
import csv, sys
r = [x for x in csv.DictReader(sys.stdin) if x["file"] == sys.argv[1]]
for x in r:
    m = x["metric"]
    print(m + ",defined," + x["draws"])
    print(m + ",undefined," + x["undefined"])
    for k in "mean sd sem min p5 p10 p25 p50 p75 p90 p95 max".split():
        print(m + "," + k + "," + x[k])
    if m == "npv":
        print("p_npv_negative," + x["p_npv_negative"])
sys.stderr.write(" ".join(sorted(set(x["seed"] for x in r))) + "\n")
' "$1"
}
for arg in "$d/cases" "$d/cases/deployment"; do
	$CRMROI batch -j1 -a simulate -n 500 "$arg" > "$d/b.csv"
	rows "$f" < "$d/b.csv" > "$d/from_batch" 2> "$d/seed"
	seed=$(cat "$d/seed")
	echo "seed when batching ${arg#"$d/"}: $seed"
	$CRMROI simulate --seed "$seed" -n 500 -f csv "$f" |
		awk -F, '$1 == "metric" { print $2 "," $3 "," $4 }
			 $1 == "probability" && $2 == "npv_negative" { print "p_npv_negative," $4 }' |
		grep -v '^after_tax\|^discounted' > "$d/from_simulate"
	sort "$d/from_batch" > "$d/a"
	sort "$d/from_simulate" > "$d/b"
	[ "$(wc -l < "$d/a")" -ge 50 ] && cmp "$d/a" "$d/b" &&
		echo "crmroi simulate --seed $seed gives the row's $(wc -l < "$d/a") figures"
done
# JSON lines: the seed is a number, the same as in CSV.
$CRMROI batch -j1 -a simulate -n 500 -f jsonl "$d/cases/deployment/pilot_gate.csv" |
	sed -n '1s/.*"seed": \([0-9]*\),.*/json seed \1/p'
$CRMROI batch -j1 -a simulate -n 500 "$d/cases/deployment/pilot_gate.csv" | rows "$f" 2>&1 >/dev/null |
	sed 's/^/csv seed /'
