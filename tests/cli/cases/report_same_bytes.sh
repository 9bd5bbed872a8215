# The same scenario, seed and date give the same bytes, run after run.
a="$TMPDIR_CASE/a.html"; b="$TMPDIR_CASE/b.html"
$CRMROI report --date 2026-11-30 --draws 3000 --seed 11 -o "$a" scenarios/midsize_business_case.csv
$CRMROI report --date 2026-11-30 --draws 3000 --seed 11 -o "$b" scenarios/midsize_business_case.csv
cmp "$a" "$b" && echo "identical"
$CRMROI report --date 2026-11-30 --draws 3000 --seed 12 -o "$b" scenarios/midsize_business_case.csv
cmp -s "$a" "$b" || echo "another seed gives another document"
