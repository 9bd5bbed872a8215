# A label longer than the 32,767 characters a spreadsheet cell holds is cut
# to it, with a warning naming the cell (exit 0); a write that fails says so
# in crmroi's words, naming the output, never libxlsxwriter's "[ERROR]" lines
# or its temporary file (exit 3).
d=$TMPDIR_CASE
awk 'BEGIN { print "kind,name,value,timing"; s = "";
	for (i = 0; i < 40000; i++) s = s "L"; print "cost," s ",100,once"; print "benefit,Rev,200,yearly" }' > "$d/long.csv"
$CRMROI workbook -o "$d/long.xlsx" "$d/long.csv" 2>"$d/err"; echo "exit $?"
sed "s|$d|DIR|" "$d/err"
$CRMROI workbook -o /dev/full scenarios/tei_example.csv; echo "exit $?"
