# Markdown of simulate: the title and the names of the uncertain values are escaped.
$CRMROI simulate -n 200 --sobol 64 -f markdown tests/cli/data/hostile/scenario.csv
