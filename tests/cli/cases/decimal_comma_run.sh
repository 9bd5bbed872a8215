# -f csv --decimal-comma: ';' between fields, numbers with a decimal comma
# (NPV 14868,51990984222, the discount factor 0,9090909090909091), text with
# a ';' quoted, as a spreadsheet with a European locale reads CSV.
$CRMROI run -f csv --decimal-comma tests/cli/data/european/tei_example.csv 2>/dev/null
echo "exit $?"
