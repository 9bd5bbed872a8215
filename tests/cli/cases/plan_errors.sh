# What plan refuses: a scenario without area rows (exit 2), an objective it
# does not know (2), P10 without uncertainty (2), one scenario at a time (2),
# and limits no plan keeps (exit 1, nothing written to -o).
d=tests/cli/data
$CRMROI plan $d/monthly.csv; echo "exit $?"
$CRMROI plan --objective best $d/plan_two_areas.csv; echo "exit $?"
$CRMROI plan --objective p10 $d/plan_two_areas.csv; echo "exit $?"
$CRMROI plan $d/plan_two_areas.csv $d/plan_two_areas.csv; echo "exit $?"
# A budget below every area's cost, and area a may not be left out.
sed 's/^setting,plan_budget,60000/setting,plan_budget,1000/; s/^kind,name,value,timing,start,area,note$/&,skip/; s/^area,a,1,,,,$/area,a,1,,,,,no/' \
  $d/plan_two_areas.csv > "$TMPDIR_CASE/tight.csv"
cd "$TMPDIR_CASE" || exit 1
$CRMROI plan -o never.csv tight.csv > /dev/null; echo "exit $?"
test -e never.csv && echo "never.csv written" || echo "nothing written"
