# A placeholder cell on a correlation or a phase row is an error at its line
# and column; check lists both, and the placeholder warnings of the rows that
# have a value.
$CRMROI check tests/cli/data/new/placeholder_rows.csv
echo "exit $?"
