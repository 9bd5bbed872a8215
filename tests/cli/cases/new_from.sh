# A variant of a starter: setting base (the base beside it), its title, and
# commented examples of what a variant states, each a whole row of the base.
# With every example uncommented it loads and compares with its base: the
# first benefit six months later, Implementation at the base's amount, CRM
# administration taken out, a cost added, the horizon two years longer.
cd "$TMPDIR_CASE" || exit 1
$CRMROI new --areas lead_management,field_service -o case.csv 2>/dev/null
$CRMROI new --from case.csv -o option2.csv
echo "exit $?"
cat option2.csv
sed 's/^# \(setting\|input\|cost\|benefit\|remove\),/\1,/' option2.csv > all.csv
$CRMROI compare case.csv all.csv 2>/dev/null | sed -n '1,/^  \* marks/p'
echo "exit $?"
