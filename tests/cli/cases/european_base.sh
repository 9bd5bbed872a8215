# Each file is read its own way: a comma-separated variant of a base saved in
# Europe. One note, for the base; the variant's 12.5% reads as 12.5%.
$CRMROI run -f json tests/cli/data/european/variant.csv
echo "exit $?"
