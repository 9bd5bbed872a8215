# The decide column: a line in no group, a name that is no input, two lists
# for one group, and the column on an input row are errors located at the
# cell, all of them reported by check.
cd "$TMPDIR_CASE" || exit 1
printf '%s\n' 'kind,name,value,timing,group,decide' 'input,x,5,,,' \
	'cost,A,10,once,,x' 'cost,B,10,once,g,y' 'cost,C,10,once,g,x' 'cost,D,10,once,g,x;z' \
	'input,z,1,,,x' > d.csv
$CRMROI check d.csv
echo "exit $?"
