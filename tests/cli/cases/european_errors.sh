# Mistakes in a European file: each message suggests the number as that file
# writes numbers (12,5%, 9500,50, 0,500, 255,5%, 1234,5), and a comma between
# a function's arguments says that ';' separates them there.
$CRMROI check tests/cli/data/european/errors.csv
echo "exit $?"
