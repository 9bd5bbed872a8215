# After tax: page 1 states the tax of the horizon's profit that falls due
# after it, beside NPV after tax, and the salvage is a line of its own in the
# headline and in the after-tax cash flow, as the tax is.
out="$TMPDIR_CASE/t.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/tax_beyond.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/t.txt"
grep -E '^\| (NPV|PV of benefits|PV of costs|PV of tax|PV of salvage|Tax due after the horizon, not in NPV)\|' "$TMPDIR_CASE/t.txt" | head -6
grep -oE 'EUR [0-9,]+ of tax on the horizon.s profit falls due after its end[^.]*\.' "$TMPDIR_CASE/t.txt"
sed -n '/^Cash flow after tax/,/^Tax of the horizon/p' "$TMPDIR_CASE/t.txt" | grep -E '^\| (Less tax paid|Salvage received|Net cash flow after tax)'
