# A scenario on the monthly grid: the document still shows years; no input has a range.
$CRMROI report --date 2026-11-30 tests/cli/data/monthly.csv
