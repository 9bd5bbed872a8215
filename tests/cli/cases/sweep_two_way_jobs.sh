# A two-way data table in CSV is computed by several threads in chunks of
# rows and written in order: the same bytes for any --jobs.
for j in 1 2 3; do
	$CRMROI sweep -f csv --jobs $j --vary leads_per_year=20000:20040:10 \
		--vary margin_per_deal=5500:5508:2 scenarios/midsize_business_case.csv > "$TMPDIR_CASE/j$j.csv"
done
cmp "$TMPDIR_CASE/j1.csv" "$TMPDIR_CASE/j2.csv" && cmp "$TMPDIR_CASE/j1.csv" "$TMPDIR_CASE/j3.csv" &&
	echo "the same bytes for --jobs 1, 2 and 3"
tr -d '\r' < "$TMPDIR_CASE/j1.csv"
