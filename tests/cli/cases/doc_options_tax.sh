# Options after tax, each at its tax rate: before tax the direct roll-out
# leads (48,685 against 39,354); after tax the pilot does (22,158 against
# 21,938), since its Year 1 loss saves tax and its roll-out margins are taxed
# only if it goes ahead. The recommendation, the risk range per option, the
# probability of a loss and of the highest NPV (on common draws) are all
# after tax, and say so; peak funding after tax beside the figure before tax.
out="$TMPDIR_CASE/o.html"
$CRMROI report --date 2026-12-01 --draws 20000 --seed 5 --sobol 0 -o "$out" \
	tests/cli/data/doc/opt_direct_tax.csv tests/cli/data/doc/opt_pilot_tax.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/o.txt"
grep -E '^Recommendation:' "$TMPDIR_CASE/o.txt" | head -1
grep -E '^Approve the proposal' "$TMPDIR_CASE/o.txt" | grep -o 'Peak funding before tax.*'
sed -n '/^Options compared like with like/,/^Gated options/p' "$TMPDIR_CASE/o.txt" |
	grep -E '^\| (Expected|NPV after tax|Risk range|P10|P50|P90|P\(NPV|Probability of the highest)'
grep -o 'NPV after tax, the risk range [^.]*\.' "$TMPDIR_CASE/o.txt"
