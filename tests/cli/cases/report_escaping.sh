# Text from the command line and the scenario is escaped once, for HTML text and for SVG.
out="$TMPDIR_CASE/case.html"
$CRMROI report --no-simulation --date 2026-11-30 --title 'R&D <CRM> "case"' --author "O'Brien & Co" \
	-o "$out" scenarios/tei_example.csv
echo "exit $?"
grep -o '<title>[^<]*</title>' "$out" | head -1
grep -o '<h1>[^<]*</h1>' "$out"
grep -o '<p class="meta">[^<]*' "$out"
