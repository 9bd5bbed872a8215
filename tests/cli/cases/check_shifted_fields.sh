# A row with a field missing, a row with one too many, an area with a typo.
$CRMROI check tests/cli/data/shifted_fields.csv
