# Markdown of track: the title, line names, phase owners and the like are escaped.
d=tests/cli/data/hostile
$CRMROI track -f markdown $d/scenario.csv $d/actuals.csv
