# Peak funding at the month it happens: six months of build before savings,
# all within Year 1, so the cumulative net falls to -300,000 in month 6 while
# Year 1 ends at -60,000. Every page gives the monthly figure and its month.
out="$TMPDIR_CASE/p.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/peak_month.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/p.txt"
grep -oE 'Peak funding: USD [0-9,.]+( million)?[^.]*\.' "$TMPDIR_CASE/p.txt"
grep -oE 'at the year ends alone the lowest point is USD [0-9,]+' "$TMPDIR_CASE/p.txt"
grep -E '^\| Peak funding' "$TMPDIR_CASE/p.txt"
grep -E '^\| month 6 \(2027-06\)' "$TMPDIR_CASE/p.txt"
