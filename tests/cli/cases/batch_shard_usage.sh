# --shard takes K/N, whole numbers with 1 <= K <= N <= 1,000,000; anything
# else is a usage error before any file is read.
for s in 0/3 4/3 3 1/0 a/b 1/3x -1/3 " 1/3" 2/1000001 1/18446744073709551616; do
	$CRMROI batch --shard "$s" scenarios/cfo
	echo "exit $?"
done
$CRMROI batch --shard
echo "exit $?"
