# Page 1's decision and recommendation agree: the decision requested is the
# proposal's; when another option has a higher expected NPV, the
# recommendation says what the difference rests on. Two options with the same
# benefits that differ in costs and contingency: the split of the advantage
# comes from each case's present values of costs before and after the risk
# adjustment, and the proposal never leading on common draws is said to be
# its consequence.
out="$TMPDIR_CASE/s.html"
$CRMROI report --date 2026-12-01 --draws 2000 --seed 3 --sobol 0 -o "$out" \
	tests/cli/data/doc/big_rollout.csv tests/cli/data/doc/lean_rollout.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/s.txt"
grep -oE '^Approve the proposal, Big rollout: USD [0-9,]+ of spending' "$TMPDIR_CASE/s.txt"
grep -E '^Recommendation:' "$TMPDIR_CASE/s.txt" | head -1
