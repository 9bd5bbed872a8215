# compare names the years as run does (FY2028 for April 2027 to March 2028,
# fiscal years from April) when every scenario starts on the same date; when
# the start dates differ it counts Year 1, 2 from each one's own start and says so.
d=tests/cli/data/compare_dates
$CRMROI compare $d/a.csv $d/b.csv | sed -n '/^Net cash flow by year/,/^$/p'
$CRMROI run $d/a.csv | grep -m1 'FY'
$CRMROI compare -f csv $d/a.csv $d/b.csv | grep '^net,'
$CRMROI compare $d/a.csv $d/late.csv | sed -n '/^Net cash flow by year/,/^$/p'
$CRMROI compare $d/a.csv $d/calendar.csv | sed -n "/^Net cash flow by year/,/^\$/p"
