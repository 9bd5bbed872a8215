# Before the appendix the document writes names for people: a gate by its
# name with its probability as people write it (60%, not 60.00%), a line's
# classes with spaces, criteria by their metric. The
# appendix keeps the scenario's names, and the gates as crmroi run words them.
out="$TMPDIR_CASE/n.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/opt_direct.csv \
	tests/cli/data/doc/opt_pilot.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/n.txt"
sed '/^Appendix: assumptions register$/,$d' "$TMPDIR_CASE/n.txt" > "$TMPDIR_CASE/body.txt"
grep -E '^Rollout: ' "$TMPDIR_CASE/body.txt" | head -1
echo "60.00% before the appendix: $(grep -c '60\.00%' "$TMPDIR_CASE/body.txt")"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/opt_pilot.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/p.txt"
echo "60.00% before the appendix of the pilot alone: $(sed '/^Appendix: assumptions register$/,$d' "$TMPDIR_CASE/p.txt" | grep -c '60\.00%')"
echo "in its appendix, as run words it: $(sed -n '/^Appendix: assumptions register$/,$p' "$TMPDIR_CASE/p.txt" | grep -c '^rollout: 60.00% chance')"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/hard_soft.csv || exit 1
sh tests/report/doctext.sh "$out" | sed '/^Appendix: assumptions register$/,$d' > "$TMPDIR_CASE/body.txt"
echo "class names before the appendix: $(grep -cE 'cost_reduction|cost_avoidance' "$TMPDIR_CASE/body.txt")"
grep -oE 'Benefit classes in the metrics: [^;]*' "$TMPDIR_CASE/body.txt" | head -1
$CRMROI report --no-simulation --date 2027-04-01 --actuals tests/cli/data/doc/track_actuals.csv \
	-o "$out" tests/cli/data/doc/track_plan.csv || exit 1
sh tests/report/doctext.sh "$out" | sed '/^Appendix: assumptions register$/,$d' > "$TMPDIR_CASE/body.txt"
echo "criterion names before the appendix: $(grep -cE 'agents_trained|tickets_migrated|replies_within_a_day' "$TMPDIR_CASE/body.txt")"
