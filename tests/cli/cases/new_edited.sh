# A value changed is no longer a placeholder; the same number written another
# way (10% as 0.1) still is; a placeholder cell emptied keeps its value on
# purpose; a formula changed only in its blanks still is one. run then warns
# about the others and computes the case as written.
cd "$TMPDIR_CASE" || exit 1
$CRMROI new --areas lead_management --currency EUR --horizon 3 -o case.csv 2>/dev/null
sed -i -e 's/^input,leads_per_year,12000,10000,14000,/input,leads_per_year,9000,8000,10000,/' \
	-e 's/^setting,discount_rate,10%,/setting,discount_rate,0.1,/' \
	-e 's/^\(input,crm_users,.*\),50\r$/\1,\r/' \
	-e 's/^cost,Implementation,45000,/cost,Implementation,52000,/' case.csv
$CRMROI run case.csv
echo "exit $?"
