# Tax is a line of its own: after tax, the present values of benefits and
# costs are the ones before tax (a tax saving is not a benefit), and the
# P&L and the tax table give tax with one sign convention, stated: a charge
# positive, a saving negative.
out="$TMPDIR_CASE/t.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/tax_saving.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/t.txt"
grep -E '^\| (NPV|PV of benefits|PV of costs|PV of tax)\|' "$TMPDIR_CASE/t.txt" | head -4
grep -E '^\| (Less tax|Tax of the year)\|' "$TMPDIR_CASE/t.txt"
grep -oE '^P&L impact by year[^|]*' "$TMPDIR_CASE/t.txt"
