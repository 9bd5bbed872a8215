# The document reads each input by its label, as written (never lower-cased
# in a sentence), with its values in its unit; the assumptions register
# gives the label with the name formulas use under it.
out="$TMPDIR_CASE/l.html"
$CRMROI report --date 2026-12-01 --no-simulation -o "$out" tests/cli/data/labels.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/l.txt"
grep -E '^\| (Share of users who use it|Licensed users)\| [0-9]' "$TMPDIR_CASE/l.txt"
grep -E '^Calculation: Licensed users' "$TMPDIR_CASE/l.txt" | head -1
grep -E '^\| Licensed users; users\|' "$TMPDIR_CASE/l.txt"
