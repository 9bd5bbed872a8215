# A readiness answers file that cannot be read is an I/O error (exit 3),
# located at the setting of the scenario that names it, as a base is; a file
# that is not a regular file is named for what it should be.
d=$TMPDIR_CASE
printf 'kind,name,value\ncost,Set-up,100\nsetting,readiness,nosuch.csv\n' > "$d/missing.csv"
printf 'kind,name,value\ncost,Set-up,100\nsetting,readiness,/dev/zero\n' > "$d/device.csv"
mkdir -p "$d/dir"
printf 'kind,name,value\ncost,Set-up,100\nsetting,readiness,dir\n' > "$d/folder.csv"
for f in missing device folder; do
	$CRMROI run "$d/$f.csv" > /dev/null 2>"$d/err"; echo "exit $?"
	sed "s|$d|DIR|g" "$d/err"
done
$CRMROI assess /dev/zero; echo "exit $?"
$CRMROI track scenarios/tracking/plan.csv "$d/dir"  2>&1 | sed "s|$d|DIR|g"
