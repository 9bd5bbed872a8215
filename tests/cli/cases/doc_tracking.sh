# Tracking in the document: page 1 leads with the status (off track, each
# phase's verdict, the trend NPV, the contingency used); the realisation table
# gives every cost and benefit line against the approved plan and against the
# budget before risk: on plan, yet 8.7% over budget. The plan is evaluated by
# year and no year end falls below zero, while the build months do: payback is
# "year 1", never "month 0 (the start)" beside peak funding in month 3.
out="$TMPDIR_CASE/t.html"
$CRMROI report --no-simulation --date 2027-04-01 --actuals tests/cli/data/doc/track_actuals.csv \
	-o "$out" tests/cli/data/doc/track_plan.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/t.txt"
sed -n '/^Status at/,/^The approved plan$/p' "$TMPDIR_CASE/t.txt"
grep -E '^Recommendation:' "$TMPDIR_CASE/t.txt"
sed -n '/^Plan against actual/,/^Against plan:/p' "$TMPDIR_CASE/t.txt"
grep -E '^\| (Payback|Peak funding)' "$TMPDIR_CASE/t.txt"
