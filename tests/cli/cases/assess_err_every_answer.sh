# Every bad row of an answers file in one run, in the order of the file, and
# their number: a bad stage, maybe, 120%, 7% between two bands, 70 without %,
# an unknown criterion, one answered twice and a row without an id. Nothing
# is written to standard output, and the exit status is 1.
$CRMROI assess tests/cli/data/assess/many_mistakes.csv
