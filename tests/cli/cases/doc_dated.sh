# Dated discounting: the document shows the XNPV, and every page that states
# the convention says XNPV (and XIRR) on an ACT/365 day count with the formula
# in days, never "each year is discounted at its end".
out="$TMPDIR_CASE/d.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/dated_xnpv.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/d.txt"
grep -E '^\| (NPV \(XNPV\)|IRR \(XIRR\))\|' "$TMPDIR_CASE/d.txt"
grep -oE '(XNPV, day count ACT/365|Dated discounting \(XNPV and XIRR, day count ACT/365\)|by \(1 \+ 10%\)\^\(days/365\))' "$TMPDIR_CASE/d.txt" | sort | uniq -c
echo "discounted at its end: $(grep -c 'discounted at its end' "$TMPDIR_CASE/d.txt")"
