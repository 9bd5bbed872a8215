# -o writes the file whole; a failed run leaves the earlier file as it was.
out="$TMPDIR_CASE/track.json"
$CRMROI track -f json -o "$out" scenarios/tracking/plan.csv scenarios/tracking/actuals/2027-06.csv; echo "exit $?"
head -c 60 "$out"; echo
printf 'period,kind,name,value\n99,cost,Training,1\n' > "$TMPDIR_CASE/bad.csv"
$CRMROI track -f json -o "$out" scenarios/tracking/plan.csv "$TMPDIR_CASE/bad.csv" 2>/dev/null; echo "exit $?"
head -c 60 "$out"; echo
$CRMROI track -o scenarios/tracking/plan.csv scenarios/tracking/plan.csv scenarios/tracking/actuals/2027-06.csv; echo "exit $?"
