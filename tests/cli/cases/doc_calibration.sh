# The document with actuals that hold realised inputs and events says how good
# the estimates were, by owner: the risk event stated at 25% that happened
# scores (0.25 - 1)^2 = 0.5625 by hand.
out="$TMPDIR_CASE/t.html"
d=scenarios/tracking
$CRMROI report --date 2027-07-01 --no-simulation -o "$out" --actuals $d/actuals/2027-06.csv \
	--actuals $d/realised.csv $d/estimates.csv || exit 1
sh tests/report/doctext.sh "$out" | sed -n '/^How good were the estimates/,/^| Service/p'
