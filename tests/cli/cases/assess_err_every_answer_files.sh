# Several answers files: the errors of each, and of each its number; a good
# file among them is read but nothing is written.
$CRMROI assess tests/cli/data/assess/many_mistakes.csv scenarios/assess/midway.csv \
	tests/cli/data/assess/bad_maybe.csv
