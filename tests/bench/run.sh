#!/bin/sh
# Benchmarks (make bench). Not part of make check: they measure, they do not
# pass or fail. Run on an idle machine; numbers vary with the hardware.
set -eu
build=${1:-build}
crmroi=$build/crmroi
scenario=scenarios/midsize_business_case.csv

echo "== data table: 1000 x 1000 two-way sweep of NPV on $scenario"
"$build/bench/bench_sweep" "$scenario" leads_per_year margin_per_deal 1000
for jobs in 1 2; do
	start=$(date +%s.%N)
	"$crmroi" sweep -f csv --jobs $jobs --vary leads_per_year=20000:29990:10 \
		--vary margin_per_deal=5500:7498:2 "$scenario" > /dev/null
	end=$(date +%s.%N)
	awk -v s="$start" -v e="$end" -v j=$jobs 'BEGIN { t = e - s;
		printf "crmroi sweep --jobs %d end to end (CSV to /dev/null): 1000000 points in %.3f s: %.0f points/s\n", j, t, 1e6 / t }'
done
# A CSV table is streamed: its peak memory does not grow with its cells.
if [ -x /usr/bin/time ]; then
	for rows in 29990 119990; do
		/usr/bin/time -f "%M" -o "${TMPDIR:-/tmp}/crmroi-bench-mem.$$" "$crmroi" sweep -f csv \
			--vary leads_per_year=20000:$rows:10 --vary margin_per_deal=5500:7498:2 "$scenario" > /dev/null
		awk -v kb="$(cat "${TMPDIR:-/tmp}/crmroi-bench-mem.$$")" -v r=$rows 'BEGIN {
			printf "crmroi sweep, %d x 1000 cells to CSV: peak memory %.1f MB\n", (r - 20000) / 10 + 1, kb / 1024 }'
	done
	rm -f "${TMPDIR:-/tmp}/crmroi-bench-mem.$$"
fi

# Text and markdown are streamed too: text measures its columns, then prints page-wide blocks.
if [ -x /usr/bin/time ]; then
	for f in text markdown; do
		/usr/bin/time -f "%e %M" -o "${TMPDIR:-/tmp}/crmroi-bench-mem.$$" "$crmroi" sweep -f $f \
			--vary leads_per_year=20000:29990:10 --vary margin_per_deal=5500:7498:2 "$scenario" > /dev/null
		awk -v f=$f '{ printf "crmroi sweep, 1000 x 1000 cells in %s: %.2f s, peak memory %.1f MB\n", f, $1, $2 / 1024 }' \
			"${TMPDIR:-/tmp}/crmroi-bench-mem.$$"
	done
	rm -f "${TMPDIR:-/tmp}/crmroi-bench-mem.$$"
fi

echo "== data table: one-way sweep of NPV, 1,000,000 points (the row's short way, as a two-way row)"
start=$(date +%s.%N)
"$crmroi" sweep -f csv --metric npv --vary leads_per_year=20000:1019999:1 "$scenario" > /dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { t = e - s;
	printf "crmroi sweep one-way end to end (CSV to /dev/null): 1000000 points in %.3f s: %.0f points/s\n", t, 1e6 / t }'

echo "== Monte Carlo: NPV and payback per draw on scenarios/bench/montecarlo_bench.csv"
echo "   (5 years by month, 20 lines, 30 uncertain inputs; target: 2,000,000 draws/s on 2 cores)"
"$build/bench/bench_simulate" scenarios/bench/montecarlo_bench.csv

echo "== targets: one line each: the figure, the target, and the peer measured in the same run"
bench=scenarios/bench/montecarlo_bench.csv
n=2000000
timed1() {	# timed1 OUTFILE COMMAND...: wall seconds of the whole process, one run
	out=$1; shift
	s=$(date +%s.%N); "$@" > "$out"; e=$(date +%s.%N)
	awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }'
}
# keep NAME OUTFILE SECONDS: NAME becomes SECONDS when it is unset or larger,
# and OUTFILE then gets that run's output ($tmp/run.out).
keep() {
	eval "cur=\${$1:-}"
	if [ -z "$cur" ] || awk -v t="$3" -v b="$cur" 'BEGIN { exit !(t < b) }'; then
		eval "$1=\$3"
		cat "$tmp/run.out" > "$2"
	fi
}
# timed OUTFILE COMMAND...: the fastest of three runs, OUTFILE holding its
# output (wall time on a shared machine varies from run to run).
timed() {
	out=$1; shift
	fastest=
	for run in 1 2 3; do
		keep fastest "$out" "$(timed1 "$tmp/run.out" "$@")"
	done
	echo "$fastest"
}
tmp=$(mktemp -d)
have_numpy=0 have_numba=0
/usr/bin/python3 -c 'import numpy' 2>/dev/null && have_numpy=1
/usr/bin/python3 -c 'import numba' 2>/dev/null && have_numba=1
# crmroi and its peers in three rounds, in turn, each timed as its fastest
# round: a slow spell of the machine falls on all of them alike.
t_c= t_p= t_n=
for round in 1 2 3; do
	keep t_c "$tmp/c.json" "$(timed1 "$tmp/run.out" "$crmroi" simulate "$bench" -n $n \
		-m npv,payback --sobol 0 -f json)"
	[ $have_numpy = 0 ] || keep t_p "$tmp/p.txt" "$(timed1 "$tmp/run.out" /usr/bin/python3 \
		tests/bench/peer_simulate.py "$bench" $n)"
	[ $have_numba = 0 ] || keep t_n "$tmp/n.txt" "$(timed1 "$tmp/run.out" /usr/bin/python3 \
		tests/bench/peer_numba.py "$bench" $n)"
done
if [ $have_numpy = 1 ]; then
	# The peer draws its own random numbers: the means must agree within the
	# Monte Carlo error before a ratio means anything.
	/usr/bin/python3 - "$tmp/c.json" "$tmp/p.txt" "$t_c" "$t_p" $n <<'PY'
import json, math, sys
c = json.load(open(sys.argv[1]))["metrics"]["npv"]
_, pm, ps, _ = open(sys.argv[2]).read().split()
tc, tp, n = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
z = abs(c["mean"] - float(pm)) / math.hypot(c["sem"], float(ps))
agree = z <= 4
rc, rp = n / tc, n / tp
print(f"simulate -m npv,payback: {rc:,.0f} draws/s end to end (target 2,000,000): "
      f"{'met' if rc >= 2e6 else 'NOT MET'}")
print(f"  numpy peer: {rp:,.0f} draws/s; mean NPV {c['mean']:,.0f} vs {float(pm):,.0f} "
      f"({z:.1f} standard errors: {'agree' if agree else 'DISAGREE'})")
if agree:
    print(f"  ratio to the peer: {rc / rp:.1f}x (target 10x): {'met' if rc / rp >= 10 else 'NOT MET'}")
else:
    print("  ratio to the peer: not given, the two do not compute the same model")
PY
else
	echo "simulate -m npv,payback: $t_c s for $n draws; numpy peer skipped (python3-numpy missing)"
fi
# The numba peer (python3-numba, 2 threads): its whole process, import and compilation
# included, and its warm simulation timed inside the process; the means must agree first.
if [ $have_numba = 1 ]; then
	/usr/bin/python3 - "$tmp/c.json" "$tmp/n.txt" "$t_c" "$t_n" $n <<'PY'
import json, math, sys
c = json.load(open(sys.argv[1]))["metrics"]["npv"]
_, pm, ps, _, warm = open(sys.argv[2]).read().split()
tc, tn, n, warm = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), float(warm)
z = abs(c["mean"] - float(pm)) / math.hypot(c["sem"], float(ps))
print(f"  numba peer: {n / tn:,.0f} draws/s whole process, {n / warm:,.0f} draws/s warm "
      f"(in its process); mean NPV {float(pm):,.0f} ({z:.1f} standard errors: "
      f"{'agree' if z <= 4 else 'DISAGREE'})")
if z <= 4:
    r1, r2 = tn / tc, warm / tc
    print(f"  crmroi's whole process against the numba peer's: {r1:.1f}x (target 3x): "
          f"{'met' if r1 >= 3 else 'NOT MET'}; against its warm simulation: {r2:.1f}x "
          f"(target 1.5x): {'met' if r2 >= 1.5 else 'NOT MET'}")
else:
    print("  ratios to the numba peer: not given, the two do not compute the same model")
PY
else
	echo "  numba peer skipped (python3-numba missing: make deps installs it)"
fi
# The cases people run: the mid-sized case draws its go-live month.
t_m=$(timed /dev/null "$crmroi" simulate "$scenario" -n $n -m npv,payback --sobol 0 -f json)
awk -v tm="$t_m" -v tc="$t_c" -v n=$n 'BEGIN { r = tc / tm;
	printf "simulate -m npv,payback on %s: %.0f draws/s, %.0f%% of the bench case'"'"'s (target 50%%): %s\n",
		"the mid-sized case", n / tm, 100 * r, (r >= 0.5 ? "met" : "NOT MET") }'
t_sob=$(timed /dev/null "$crmroi" simulate "$scenario" -n 2 --sobol 16384 -f json)
awk -v t="$t_sob" 'BEGIN { printf "Sobol indices of the mid-sized case, 2^14 base points: %.2f s (target 1 s): %s\n",
	t, (t < 1 ? "met" : "NOT MET") }'
t_doc=$(timed /dev/null "$crmroi" report --date 2026-12-01 -o "$tmp/doc.html" "$scenario")
awk -v t="$t_doc" 'BEGIN { printf "the document of the mid-sized case (simulation, Sobol, value of information): %.2f s (target 3 s): %s\n",
	t, (t < 3 ? "met" : "NOT MET") }'
t_d=$(timed1 "$tmp/d.json" "$crmroi" simulate "$bench" -n $n --sobol 0 -f json)
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
	# The peer with IRR per draw too (npv, roi, irr, payback are the default metrics).
	t_q=$(timed1 "$tmp/q.txt" /usr/bin/python3 tests/bench/peer_simulate.py --irr "$bench" $n)
	/usr/bin/python3 - "$tmp/d.json" "$tmp/q.txt" "$t_d" "$t_q" $n <<'PY'
import json, math, sys
c = json.load(open(sys.argv[1]))["metrics"]
_, pm, ps, _, im, isem, _ = open(sys.argv[2]).read().split()
tc, tp, n = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
z = max(abs(c["npv"]["mean"] - float(pm)) / math.hypot(c["npv"]["sem"], float(ps)),
        abs(c["irr"]["mean"] - float(im)) / math.hypot(c["irr"]["sem"], float(isem)))
agree = z <= 4
rc, rp = n / tc, n / tp
print(f"simulate, default metrics (IRR per draw): {rc:,.0f} draws/s (target 1,000,000): "
      f"{'met' if rc >= 1e6 else 'NOT MET'}; numpy peer with IRR {rp:,.0f} draws/s, "
      + (f"ratio {rc / rp:.1f}x (means of NPV and IRR within {z:.1f} standard errors)" if agree
         else f"no ratio: means of NPV or IRR {z:.1f} standard errors apart (DISAGREE)"))
PY
else
	awk -v t="$t_d" -v n=$n 'BEGIN { r = n / t; printf "simulate, default metrics (IRR per draw): %.0f draws/s (target 1,000,000): %s\n", r, (r >= 1e6 ? "met" : "NOT MET") }'
fi
"$build/bench/bench_simulate" --targets "$bench"
t_s=$(timed /dev/null "$crmroi" sweep -f csv --vary leads_per_year=20000:29990:10 \
	--vary margin_per_deal=5500:7498:2 "$scenario")
awk -v t="$t_s" 'BEGIN { r = 1e6 / t; printf "sweep 1000 x 1000 to CSV: %.0f cells/s (target 5,000,000): %s\n", r, (r >= 5e6 ? "met" : "NOT MET") }'
# The processor time it took, user and system, for a machine busy with other work.
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f "%U %S" -o "${TMPDIR:-/tmp}/crmroi-bench-cpu.$$" "$crmroi" sweep -f csv \
		--vary leads_per_year=20000:29990:10 --vary margin_per_deal=5500:7498:2 "$scenario" > /dev/null
	awk '{ c = $1 + $2; printf "  processor time of the same table: %.3f s (%.0f cells per processor-second)\n", c, 1e6 / c }' \
		"${TMPDIR:-/tmp}/crmroi-bench-cpu.$$"
	rm -f "${TMPDIR:-/tmp}/crmroi-bench-cpu.$$"
fi
rm -rf "$tmp"

echo "== batch: 10,000 generated small scenario files (target: 5,000 scenarios/s on 2 cores)"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
sh tests/bench/gen_batch.sh "$dir/cases" 10000
for jobs in 1 2; do
	start=$(date +%s.%N)
	"$crmroi" batch --jobs "$jobs" "$dir/cases" > "$dir/out.csv"
	end=$(date +%s.%N)
	awk -v s="$start" -v e="$end" -v j="$jobs" 'BEGIN { t = e - s;
		printf "crmroi batch --jobs %d: 10000 scenarios in %.3f s: %.0f scenarios/s\n", j, t, 10000 / t }'
done

# Written as they are done, in order: memory flat in the number of scenarios.
if [ -x /usr/bin/time ]; then
	sh tests/bench/gen_batch.sh "$dir/many" 100000
	for f in csv jsonl; do
		/usr/bin/time -f "%e %M" -o "$dir/mem" "$crmroi" batch -f $f "$dir/many" > /dev/null
		awk -v f=$f '{ mb = $2 / 1024; printf "crmroi batch -f %s of 100000 small files: %.2f s, peak memory %.1f MB (target 50 MB): %s\n", f, $1, mb, (mb <= 50 ? "met" : "NOT MET") }' "$dir/mem"
	done
	rm -rf "$dir/many"
fi

echo "== loading: a generated 100,000-row scenario (50,000 inputs, 50,000 formula lines)"
echo "   (target: under 0.3 s and 60 MB; loading is linear in rows)"
big=$(mktemp)
awk 'BEGIN {
	print "kind,name,value,low,high,dist,area,timing"
	for (i = 0; i < 50000; i++) printf "input,in_%d,%g\n", i, i % 97 + 1.5
	for (i = 0; i < 50000; i++) printf "benefit,Line %d,in_%d * 2,,,,lead_management,yearly\n", i, i
}' > "$big"
if [ -x /usr/bin/time ]; then
	# The fastest of three runs, and the largest peak memory of the three.
	for run in 1 2 3; do
		/usr/bin/time -f "%e %M" -o "$big.time" "$crmroi" check "$big" > /dev/null
		cat "$big.time"
	done | awk 'NR == 1 || $1 < t { t = $1 } $2 > m { m = $2 } END { mb = m / 1024;
		printf "crmroi check of 100000 rows (load, evaluate, input table): %.3f s (target 0.3 s), peak memory %.0f MB (target 60 MB): %s\n", t, mb, (t < 0.3 && mb <= 60 ? "met" : "NOT MET") }'
	rm -f "$big.time"
else
	t=$(for run in 1 2 3; do timed1 /dev/null "$crmroi" check "$big"; echo; done | sort -n | head -1)
	awk -v t="$t" 'BEGIN {
		printf "crmroi check of 100000 rows (load, evaluate, input table): %.3f s (target 0.3 s): %s\n", t, (t < 0.3 ? "met" : "NOT MET") }'
fi
rm -f "$big"

echo "== dated discounting: simulate a generated 1,500-line file (5 years by month, 20 inputs)"
echo "   3,000 draws, IRR per draw, by period and by date (target: by date about the cost by period)"
gen=$(mktemp -d)
for mode in periodic-sim dated-sim; do
	sh tests/bench/gen_large.sh $mode 1500 > "$gen/$mode.csv"
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%e %U %S" -o "$gen/$mode.time" "$crmroi" simulate -n 3000 --sobol 0 \
			-f json "$gen/$mode.csv" > /dev/null
	else
		s=$(date +%s.%N); "$crmroi" simulate -n 3000 --sobol 0 -f json "$gen/$mode.csv" > /dev/null
		e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f 0 0\n", e - s }' > "$gen/$mode.time"
	fi
done
awk 'FNR == 1 { w[FILENAME ~ /dated/] = $1; c[FILENAME ~ /dated/] = $2 + $3 }
END {
	printf "simulate by period: %.2f s (%.2f s of processor time): %.0f draws/s\n", w[0], c[0], 3000 / w[0]
	printf "simulate by date:   %.2f s (%.2f s of processor time): %.0f draws/s\n", w[1], c[1], 3000 / w[1]
	if (c[0] > 0)
		printf "  by date / by period, processor time: %.2f (target: about 1)\n", c[1] / c[0]
}' "$gen/periodic-sim.time" "$gen/dated-sim.time"
rm -rf "$gen"

echo "== report and workbook of generated models: time and memory against size"
echo "   (50 years by month with 1,000 and 3,000 lines, one in ten with a range; 10,000 and"
echo "   20,000 dated once-lines. Target: linear, the ratios about 3 and 2)"
gen=$(mktemp -d)
sh tests/bench/gen_large.sh monthly 1000 > "$gen/m1.csv"
sh tests/bench/gen_large.sh monthly 3000 > "$gen/m2.csv"
sh tests/bench/gen_large.sh dated 10000 > "$gen/d1.csv"
sh tests/bench/gen_large.sh dated 20000 > "$gen/d2.csv"
for cmd in report workbook; do
	for f in m1 m2 d1 d2; do
		# Seconds, processor seconds and peak memory of one run, into $gen/$cmd.$f.time.
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f "%e %U %S %M" -o "$gen/$cmd.$f.time" "$crmroi" $cmd \
				-o "$gen/out" "$gen/$f.csv" > /dev/null
		else
			s=$(date +%s.%N); "$crmroi" $cmd -o "$gen/out" "$gen/$f.csv" > /dev/null; e=$(date +%s.%N)
			awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f 0 0 0\n", e - s }' > "$gen/$cmd.$f.time"
		fi
		awk -v cmd=$cmd -v f=$f -v size="$(wc -c < "$gen/out")" '{
			printf "%-8s %s: %7.2f s, %7.2f s of processor time, peak %5.0f MB, output %5.1f MB\n",
				cmd, f, $1, $2 + $3, $4 / 1024, size / 1e6 }' "$gen/$cmd.$f.time"
		rm -f "$gen/out"
	done
	for pair in "m1 m2" "d1 d2"; do
		set -- $pair
		awk -v cmd=$cmd -v a=$1 -v b=$2 'NR == FNR { ta = $2 + $3; ma = $4; next }
			{ tb = $2 + $3; mb = $4 }
			END { if (ta > 0 && ma > 0)
				printf "  %s %s to %s: processor time x %.2f, peak memory x %.2f\n",
					cmd, a, b, tb / ta, mb / ma }' "$gen/$cmd.$1.time" "$gen/$cmd.$2.time"
	done
done
rm -rf "$gen"
