# The setting decimal_separator states the convention where the separator
# cannot tell: ';' with decimal points, ',' with (quoted) decimal commas.
# Both are the TEI illustration (NPV 14,868.52), each with its note.
$CRMROI run -f csv tests/cli/data/european/point_semicolons.csv tests/cli/data/european/comma_setting.csv | grep ',metric,npv,'
echo "exit $?"
