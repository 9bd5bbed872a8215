# Dated discounting: a line paid on a day of its own is discounted at that day in its
# TEI table too, so the costs' present values add up to the PV of costs.
out="$TMPDIR_CASE/dated.html"
$CRMROI report --no-simulation --date 2026-11-30 -o "$out" scenarios/cfo/dated.csv || exit 1
grep -o 'Share of all costs (present value): [0-9.]*%' "$out"
grep -oE '<tr class="total"><th>(Risk-adjusted amount|Amount \(no risk adjustment\))</th>.*' "$out" | sed 's/.*<td class="n">\([^<]*\)<\/td><\/tr>$/\1/'
grep -A1 '<th>PV of costs</th>' "$out" | grep -o '<td class="n">[^<]*' | head -1
