# A data problem (exit 1, located at the input), not a usage error.
$CRMROI breakeven tests/cli/data/huge_value.csv
echo "exit $?"
$CRMROI tornado --pct 50 tests/cli/data/huge_value.csv
echo "exit $?"
$CRMROI spider --steps -50,90 tests/cli/data/huge_value.csv
