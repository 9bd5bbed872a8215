# Two areas, a budget that allows one a year (slots of a year): the area worth
# more a month goes first, the other in year 2. By hand: 12 x 10,000 / 1.1 +
# 12 x 10,000 / 1.21 - 50,000 / 1.1 + (12 x 6,000 - 50,000) / 1.21 = 180,991.74.
# Big bang and the lines as written (both in month 1) break the budget.
$CRMROI plan tests/cli/data/plan_two_areas.csv
