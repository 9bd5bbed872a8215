# An actuals file exported with ';' and decimal commas (33.812,50) is read as
# such, with one note: month 4's actual net is 1400 - (33812.5 + 8000 +
# 15750 assumed) = -56,162.
$CRMROI track scenarios/tracking/plan.csv scenarios/tracking/actuals/2027-0[1-3].csv tests/cli/data/european/actuals_2027-04.csv | grep -E '^  month 4|Consulting|Total costs'
echo "exit $?"
