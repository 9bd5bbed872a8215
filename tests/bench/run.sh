#!/bin/sh
# Benchmarks (make bench). Not part of make check: they measure, they do not
# pass or fail. Run on an idle machine; numbers vary with the hardware.
set -eu
build=${1:-build}
crmroi=$build/crmroi
scenario=scenarios/midsize_business_case.csv

echo "== data table: 1000 x 1000 two-way sweep of NPV on $scenario"
"$build/bench/bench_sweep" "$scenario" leads_per_year margin_per_deal 1000
start=$(date +%s.%N)
"$crmroi" sweep -f csv --vary leads_per_year=20000:29990:10 \
	--vary margin_per_deal=5500:7498:2 "$scenario" > /dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { t = e - s;
	printf "crmroi sweep end to end (CSV to /dev/null): 1000000 points in %.3f s: %.0f points/s\n", t, 1e6 / t }'

echo "== Monte Carlo: NPV and payback per draw on scenarios/bench/montecarlo_bench.csv"
echo "   (5 years by month, 20 lines, 30 uncertain inputs; target: 2,000,000 draws/s on 2 cores)"
"$build/bench/bench_simulate" scenarios/bench/montecarlo_bench.csv

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
