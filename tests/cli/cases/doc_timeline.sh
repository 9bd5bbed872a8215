# Page 2's timeline: the go-live month from the input the lines' start months
# follow, a note when the scenario names no phases, and calendar years said
# as such; page 1's spending at the start is the plan, with the contingency
# apart, as page 2 holds it back.
out="$TMPDIR_CASE/m.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" scenarios/midsize_business_case.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/m.txt"
grep -oE 'As planned, USD [0-9,]+ is spent at the start.* with the contingency\)\.' "$TMPDIR_CASE/m.txt"
grep -E '^\| month 4 \(2027-04\)\| go-live' "$TMPDIR_CASE/m.txt" | cut -c1-120
grep -E '^The scenario names no phases' "$TMPDIR_CASE/m.txt"
grep -oE '^Budget by year \([^)]*\)' "$TMPDIR_CASE/m.txt"
grep -oE '<title>Timeline[^<]*</title>' "$out"
