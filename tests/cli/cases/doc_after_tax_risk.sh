# With a tax rate the simulation draws NPV after tax too: page 1 gives the
# probability of a loss after tax beside the one before tax, and every chart
# and table of the risk section says it is before tax.
out="$TMPDIR_CASE/t.html"
$CRMROI report --date 2026-12-01 --draws 2000 --seed 2 --sobol 0 -o "$out" \
	tests/cli/data/doc/tax_flip_range.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/t.txt"
grep -E '^\| (\| After tax|P\(NPV < 0\))' "$TMPDIR_CASE/t.txt"
grep -oE '<title>(Tornado|Distribution|Cumulative probability)[^<]*</title>' "$out"
grep -oE '^(Risks and mitigations|Break-even values)[^|]*' "$TMPDIR_CASE/t.txt"
