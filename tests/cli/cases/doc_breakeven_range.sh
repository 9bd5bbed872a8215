# Page 1 names the break-even of the largest risk itself: inside the range
# the scenario gives the input, the conclusion fails within that range.
# Where no break-even is found, the break-even table says that the interval
# searched is a search interval, not a plausible range.
out="$TMPDIR_CASE/b.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/breakeven_inside.csv || exit 1
sh tests/report/doctext.sh "$out" | grep -E '^The largest risk'
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/sobol.csv || exit 1
sh tests/report/doctext.sh "$out" | grep -E '^\| (B|C)\| [0-9]+\| none'
