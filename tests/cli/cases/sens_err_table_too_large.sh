# Bounds of a data table: a text table of 200,000 rows (1.8 million cells) is
# refused up front, and so is a two-way table of more than 50,000,000 cells
# (CSV and JSON stream their rows, so memory is not what bounds them).
$CRMROI sweep --vary discount_rate=0:199999:1 scenarios/tei_example.csv
echo "exit $?"
$CRMROI sweep -f json --vary leads_per_year=1:8000:1 --vary margin_per_deal=1:7000:1 scenarios/midsize_business_case.csv
echo "exit $?"
