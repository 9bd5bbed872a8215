# sweep --only cash: a one-way and a two-way data table. Rollout savings
# (cost_reduction) is left out, so its columns are all the same.
f=tests/cli/data/gates/classes.csv
$CRMROI sweep --vary "Pilot sales=40000:60000:10000" -m npv,roi --only cash $f
$CRMROI sweep --vary "Pilot sales=40000:60000:10000" -m npv,roi --only cash -f csv $f
$CRMROI sweep --vary "Pilot sales=40000:60000:10000" -m npv --only cash -f json $f | sed -n 1,7p
$CRMROI sweep --vary "Pilot sales=40000:60000:10000" --vary "Rollout savings=200000:400000:100000" \
	--only cash -f csv $f
$CRMROI sweep --vary "Pilot sales=40000:60000:10000" --vary "Rollout savings=200000:400000:100000" \
	--only cash -f json $f | sed -n 1,6p
$CRMROI sweep --vary "Pilot sales=40000:60000:10000" --vary "Rollout savings=200000:400000:100000" \
	--only cash -f markdown $f
