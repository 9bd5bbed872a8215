# Page 1 of a tracked plan leads with the re-forecast on the plan (the
# actuals, then the approved plan); the trend is a scenario, with the months
# and amounts of actuals it rests on and the lines that have no index of
# their own; the key findings give the same figures as the status.
out="$TMPDIR_CASE/t.html"
$CRMROI report --no-simulation --date 2027-04-01 --actuals tests/cli/data/doc/track_jan.csv \
	--actuals tests/cli/data/doc/track_feb.csv --actuals tests/cli/data/doc/track_mar.csv \
	-o "$out" tests/cli/data/doc/track_plan.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/t.txt"
sed -n '/^Status at/,/^The approved plan$/p' "$TMPDIR_CASE/t.txt" | sed -n 2,3p
sed -n '/^Key findings$/,/^Benefits realisation$/p' "$TMPDIR_CASE/t.txt" | sed -n 2p
