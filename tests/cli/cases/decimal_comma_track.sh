# track with --decimal-comma: Discovery workshops planned at 45000 x 1,05 in
# month 1, and the actuals of April read from a European export (33812,5).
$CRMROI track -f csv --decimal-comma scenarios/tracking/plan.csv scenarios/tracking/actuals/2027-0[1-3].csv tests/cli/data/european/actuals_2027-04.csv 2>/dev/null | grep -E '^section|^month;(Discovery workshops|Consulting and integration);' 
echo "exit $?"
