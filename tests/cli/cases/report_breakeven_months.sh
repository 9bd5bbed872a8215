# The board report gives a go-live's break-even in whole months with its side,
# not as a percentage of a month number; a go-live between months (4.5) and an
# input that cannot be searched leave the report whole.
out="$TMPDIR_CASE/m.html"
$CRMROI report --no-simulation --date 2026-11-30 -o "$out" scenarios/midsize_business_case.csv || exit 1
grep -o '<tr><th>Go-live[^<]*</th><td class="n">.*' "$out"
$CRMROI report --no-simulation --date 2026-11-30 -o "$out" tests/cli/data/timing/fraction.csv || exit 1
grep -o '<tr><th>Go-live[^<]*</th><td class="n">.*' "$out"
