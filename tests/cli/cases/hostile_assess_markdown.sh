# Markdown of assess: the title and the learnings (HTML, a formula, a line
# break) are escaped; a learning's line break is <br> within its list item.
$CRMROI assess -f markdown tests/cli/data/hostile/answers.csv
