# A break-even the document cannot search (an input near the largest double, whose
# default interval is not finite) stays in the table as "not searched", with why.
out="$TMPDIR_CASE/r.html"
$CRMROI report --no-simulation --date 2026-11-30 -o "$out" tests/cli/data/huge_range.csv; echo "exit $?"
grep -o '<tr><th>X[<].*' "$out"
