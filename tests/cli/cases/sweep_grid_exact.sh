# Grid points are the decimals written (FROM + k x STEP computed in decimals):
# at share 0.3 a benefit of share x 1,000,000 is 300,000 exactly, not
# 300,000.00000000006 as with 0.1 + 2 x 0.1. Percentages make the same grid.
$CRMROI sweep -f csv -m npv --vary share=0.1:0.7:0.1 tests/cli/data/exact_grid.csv | tr -d '\r'
$CRMROI sweep -f csv --vary share=10%:70%:10% --vary price=0.1:0.3:0.1 tests/cli/data/exact_grid.csv | tr -d '\r'
