# Two options on common draws, A = 1000 x - 30000 and B = 500 x - 10000 with
# x uniform on 0 to 100: A without information (means 20,000 and 15,000),
# EVPI = EVPPI of x = 4,000 by hand (tests/cli/data/voi/option_a.csv), B
# better in 40% of the draws. Text names x by its label; CSV and markdown.
$CRMROI voi tests/cli/data/voi/option_a.csv tests/cli/data/voi/option_b.csv || exit 1
$CRMROI voi -f csv tests/cli/data/voi/option_a.csv tests/cli/data/voi/option_b.csv || exit 1
$CRMROI voi -f markdown tests/cli/data/voi/option_a.csv tests/cli/data/voi/option_b.csv | tail -3
