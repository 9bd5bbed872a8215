# Bounds of a data table: a text table of 200,000 rows (1.8 million cells) is
# refused up front, and so is a two-way grid in JSON (kept whole) that needs
# more than 1 GB; CSV is streamed.
$CRMROI sweep --vary discount_rate=0:199999:1 scenarios/tei_example.csv
echo "exit $?"
$CRMROI sweep -f json --vary discount_rate=0:6999:1 --vary horizon_years=1:6999:1 scenarios/tei_example.csv
echo "exit $?"
