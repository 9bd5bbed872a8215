# The appendix gives each capitalised cost's depreciation as its line does
# (straight line, declining balance with the scenario's factor, a salvage),
# not one method for all; the tax table's depreciation follows them.
out="$TMPDIR_CASE/d.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/depreciation.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/d.txt"
sed -n '/^Capitalised costs, each depreciated/,/^Benefit classes/p' "$TMPDIR_CASE/d.txt"
grep -c 'declining balance at 2 times the straight-line rate\.' "$TMPDIR_CASE/d.txt"
sed -n '/^Tax by year$/,$p' "$TMPDIR_CASE/d.txt" | grep -E '^\| Less depreciation\|'
