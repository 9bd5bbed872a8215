# run's inputs table gives the label beside the name formulas use; JSON gives
# both; spider shows the base in the input's unit under its label; simulate's
# tables name each uncertain input by its label.
$CRMROI run tests/cli/data/labels.csv | sed -n '/^Inputs/,/^$/p' || exit 1
$CRMROI run -f json tests/cli/data/labels.csv | grep -E '"label"'
$CRMROI spider tests/cli/data/labels.csv | grep -E '^  (Input|Licensed|Share|Saving|Admin)' || exit 1
$CRMROI simulate -n 2000 --seed 3 tests/cli/data/labels.csv | grep -E '^  (Licensed|Share|Saving|Admin)'
