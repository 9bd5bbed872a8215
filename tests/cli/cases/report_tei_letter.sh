# US Letter paper, a scenario on the TEI example, simulation off.
out="$TMPDIR_CASE/tei.html"
$CRMROI report --paper letter --date 2026-01-15 --no-simulation -o "$out" scenarios/tei_example.csv
echo "exit $?"
grep -o '@page{size:[a-zA-Z0-9]*' "$out"
grep -c '<section' "$out"
