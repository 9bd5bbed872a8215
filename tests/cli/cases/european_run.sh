# A scenario saved by a spreadsheet with a European locale (';' between
# fields, decimal commas, dots grouping thousands, ';' between a function's
# arguments) reads as the comma-separated one: NPV 14,868.52, with one note.
$CRMROI run tests/cli/data/european/tei_example.csv
echo "exit $?"
