# wider than 100 columns: amounts of 1e50 have 66 digits, all of them shown.
# A 320-character label is shown whole, on lines of its own above its numbers.
$CRMROI run tests/cli/data/long_label.csv
