# batch - reads one scenario from standard input, as the other commands do;
# its seed comes from the name "-", so simulate --seed S - repeats it.
$CRMROI batch - < scenarios/tei_example.csv | cut -d, -f1,3,8
$CRMROI batch -a simulate -n 300 - < scenarios/areas/call_center.csv > "$TMPDIR_CASE/b.csv"
seed=$(sed -n 2p "$TMPDIR_CASE/b.csv" | cut -d, -f7)
echo "seed $seed"
$CRMROI simulate --seed "$seed" -n 300 -f csv - < scenarios/areas/call_center.csv |
	grep '^metric,npv,mean,' | cut -d, -f4
sed -n 2p "$TMPDIR_CASE/b.csv" | cut -d, -f11
# Standard input once only.
$CRMROI batch - scenarios/tei_example.csv - < scenarios/tei_example.csv
[ $? -eq 2 ] && echo "a usage error"
