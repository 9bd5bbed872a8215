# tornado --only cash: the base and every bar count the cash benefits and
# every cost; a benefit of a class left out moves nothing (swing 0).
f=tests/cli/data/gates/classes.csv
$CRMROI tornado --pct 10 --only cash $f | sed -n 1,8p
$CRMROI tornado --pct 10 --only cash -f csv $f
$CRMROI tornado --pct 10 --only cash -f json $f | sed -n 1,8p
$CRMROI tornado --pct 10 --only cash -f markdown $f | sed -n 1,5p
