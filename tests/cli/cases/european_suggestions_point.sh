# European habits in a comma-separated file: 9.500,50 suggests 9500.50 (it
# said 1234567.89), 12,5% suggests 12.5%, each with the setting that would
# read the file with decimal commas; 1,000 is only a thousand's separator.
$CRMROI check tests/cli/data/european/point_errors.csv
echo "exit $?"
