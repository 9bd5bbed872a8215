# After tax wherever tax is set: a platform that pays before tax (NPV 599) but
# not after 35% tax (NPV -213). The first page gives after tax first, says
# that tax turns the decision and recommends against; the financial summary
# has the tax by year with depreciation, capex and what falls after the
# horizon. Without a tax rate one sentence says the figures are before tax.
out="$TMPDIR_CASE/t.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/tax_flip.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/t.txt"
grep -E '^\| (\| EUR\| After tax|NPV\||ROI \(TEI\)\||PV of tax\||Less depreciation\||Taxable profit\||Tax of the year\||Less tax\||Tax paid\||Capital spending capitalised \(memo\)\|)' "$TMPDIR_CASE/t.txt"
grep -E '^(Tax turns the decision|Recommendation:)' "$TMPDIR_CASE/t.txt"
grep -oE 'No tax of the horizon.s years falls due after its end\.' "$TMPDIR_CASE/t.txt"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/peak_month.csv || exit 1
sh tests/report/doctext.sh "$out" | grep -oE '^Before tax: the scenario sets no tax rate\.'
