# compare with --decimal-comma: the two TEI illustrations' NPVs,
# 14868,51990984222 and 123027,79864763336.
$CRMROI compare -f csv --decimal-comma scenarios/tei_example.csv scenarios/tei_truck.csv
echo "exit $?"
