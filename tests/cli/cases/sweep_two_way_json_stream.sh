# A two-way table in JSON is streamed as CSV is: the same bytes for any
# --jobs, the undefined cells (a division by zero at share 0 and 1) listed after
# the values, in row order.
for j in 1 3; do
	$CRMROI sweep -f json --jobs $j --vary share=0:1:0.25 --vary k=0:2000:1000 \
		tests/cli/data/per_share.csv > "$TMPDIR_CASE/j$j.json"
done
cmp "$TMPDIR_CASE/j1.json" "$TMPDIR_CASE/j3.json" && echo "the same bytes for --jobs 1 and 3"
cat "$TMPDIR_CASE/j1.json"
