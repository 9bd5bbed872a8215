# Options like with like: the proposal and a pilot whose roll-out is decided
# at month 12 with a 60% chance. Each option expected and before any risk,
# the pilot's two outcomes, a risk range per option from the same seed, a
# recommendation on page 1, and page 1 says that options exist; the
# probability that each has the highest NPV, on common draws; MIRR, the
# benefit-cost ratio and NPV on hard benefits for each option; peak funding
# by month for every view and for each gate's outcomes.
out="$TMPDIR_CASE/o.html"
$CRMROI report --date 2026-12-01 --draws 4000 --seed 5 --sobol 0 -o "$out" \
	tests/cli/data/doc/opt_direct.csv tests/cli/data/doc/opt_pilot.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/o.txt"
grep -E '^Two options were assessed' "$TMPDIR_CASE/o.txt"
grep -E '^Recommendation:' "$TMPDIR_CASE/o.txt" | head -1
sed -n '/^Options compared like with like/,/^Gated options/p' "$TMPDIR_CASE/o.txt" |
	grep -E '^\| (\| Direct|Expected|NPV\||NPV, hard benefits only|MIRR|Benefit-cost ratio|Total costs|Peak funding|Before any risk|Risk range|P10|P50|P90|P\(NPV|Probability of the highest|NPV of the difference)'
grep -E '^\| Opt pilot: Rollout' "$TMPDIR_CASE/o.txt"
