# A group naming no uncertain value is a usage error that says which.
$CRMROI voi --group x,nothing_here tests/cli/data/voi_normal.csv
echo "exit $?"
$CRMROI voi -n 5 tests/cli/data/voi_normal.csv
echo "exit $?"
