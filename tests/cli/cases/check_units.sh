# The unit column: a rate-like name without a unit, a thousands dot, a unit with a typo.
$CRMROI check tests/cli/data/units.csv
