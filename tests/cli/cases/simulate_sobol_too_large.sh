# A Sobol stage that would take more memory than the bound is refused before
# anything runs: 300 uncertain inputs and 1,000,000 base points need 7.2 GB.
{
	echo "kind,name,value,low,high,dist"
	i=0
	while [ $i -lt 300 ]; do echo "input,x$i,100,50,150,triangular"; i=$((i + 1)); done
	printf 'benefit,gain,x0'
	i=1
	while [ $i -lt 300 ]; do printf '+x%d' $i; i=$((i + 1)); done
	echo
	echo "cost,licence,1000"
} > "$TMPDIR_CASE/wide.csv"
cd "$TMPDIR_CASE" || exit 1
$CRMROI simulate --sobol 1000000 wide.csv
echo "exit $?"
