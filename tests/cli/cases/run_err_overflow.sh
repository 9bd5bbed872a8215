# Every amount is finite but their sums are not: the message names the period
# and the line with the largest amount there, at its line and column.
$CRMROI run tests/cli/data/overflow/sums.csv
