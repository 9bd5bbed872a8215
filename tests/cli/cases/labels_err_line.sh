# A label on a cost: its name is already its label.
cd "$TMPDIR_CASE" || exit 1
printf 'kind,name,label,value,timing\ncost,Set-up,Initial set-up,1000,once\n' > l.csv
$CRMROI check l.csv
