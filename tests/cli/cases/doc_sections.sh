# The sections a board paper and a Forrester TEI study have, in order, and the
# decision requested with the contingency apart from the base amount.
out="$TMPDIR_CASE/m.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" scenarios/midsize_business_case.csv || exit 1
grep -oE '<h2>[^<]*</h2>|<h3>(Key findings|The decision requested|Headline metrics|Method|Glossary|Milestones)</h3>|<p class="recommend">' "$out"
sh tests/report/doctext.sh "$out" | grep -E '^\| (Spending as planned|Contingency \(risk adjustment\)|Spending requested)\|'
sh tests/report/doctext.sh "$out" | grep -E '^Risks and mitigations' -A3
