# A timing input whose high (80) starts a line after the 36-month horizon gets
# the warning a literal start of 80 gets; the file still loads.
$CRMROI check tests/cli/data/timing/range_beyond.csv 2>&1
echo "exit $?"
