# The criteria of a tracked plan with their baseline, target and latest value,
# by their metric (not the scenario's names), and the status tracking gives
# each: overdue where a criterion was not measured since its due month, not
# met where it was and fell short.
out="$TMPDIR_CASE/t.html"
$CRMROI report --no-simulation --date 2027-04-01 --actuals tests/cli/data/doc/track_jan.csv \
	--actuals tests/cli/data/doc/track_feb.csv --actuals tests/cli/data/doc/track_mar.csv \
	-o "$out" tests/cli/data/doc/track_plan.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/t.txt"
sed -n '/^Success criteria/,/^The actuals as booked/p' "$TMPDIR_CASE/t.txt"
grep -E '^Build: ' "$TMPDIR_CASE/t.txt"
$CRMROI track tests/cli/data/doc/track_plan.csv tests/cli/data/doc/track_jan.csv \
	tests/cli/data/doc/track_feb.csv tests/cli/data/doc/track_mar.csv | grep -E '^ +(agents_trained|tickets_migrated) '
