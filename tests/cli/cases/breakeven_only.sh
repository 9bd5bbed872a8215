# breakeven --only cash: Pilot sales must carry the whole case alone.
# Without --only the rollout savings count and far less is needed.
f=tests/cli/data/gates/classes.csv
$CRMROI breakeven --input "Pilot sales" --only cash $f
$CRMROI breakeven --input "Pilot sales" $f | tail -2
$CRMROI breakeven --input "Pilot sales" --only cash -f csv $f
$CRMROI breakeven --input "Pilot sales" --only cash -f json $f | sed -n 1,8p
$CRMROI breakeven --input "Pilot sales" --only cash -f markdown $f | sed -n 1,4p
# Every input, counting cash and productivity.
$CRMROI breakeven --only cash,productivity -f csv tests/cli/data/gates/only_risk.csv
