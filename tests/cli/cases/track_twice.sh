# The same month of the same line in two files: an error naming both places.
f="$TMPDIR_CASE/again.csv"
printf 'period,kind,name,value\n2027-06,cost,Training,100\n' > "$f"
err=$($CRMROI track scenarios/tracking/plan.csv scenarios/tracking/actuals/2027-06.csv "$f" 2>&1)
rc=$?
echo "$err" | sed "s#$TMPDIR_CASE#TMP#"
exit $rc
