# Layout: only page 1 stands alone (no section ends on a near-empty page),
# rows and headings are kept with what follows, the appendix formats numbers
# as the rest of the document and drops the Unit column when no input has a
# unit, and shares of benefits and costs have one precision.
out="$TMPDIR_CASE/w.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" scenarios/deployment/big_bang.csv || exit 1
grep -oE 'section\{break-before:[a-z]+;[^}]*\}|section\.first\+section\{[^}]*\}|h2\+\*,h3\+\*\{[^}]*\}|tr,li,dt,dd\{[^}]*\}' "$out"
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/w.txt"
sed -n '/^Appendix: assumptions register$/,$p' "$TMPDIR_CASE/w.txt" |
	grep -E '^\| (\| Input\| Value|Leads per year;|Margin per deal;)'
grep -oE 'Share of all (benefits|costs) \(present value\): [0-9.]+%' "$TMPDIR_CASE/w.txt" | sort -u | head -4
grep -E '^Calculation: [0-9]' "$TMPDIR_CASE/w.txt" | head -2
