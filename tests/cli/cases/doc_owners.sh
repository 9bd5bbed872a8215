# The risks table names who answers for each input (its own owner column),
# not the owners of the lines it feeds; the appendix lists each input's
# owner; page 1 flags the risks that have none.
out="$TMPDIR_CASE/o.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/owners.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/o.txt"
sed -n '/^Risks and mitigations/,/^Exposure:/p' "$TMPDIR_CASE/o.txt" | grep -E '^\| (Tickets|Minutes saved);' |
	cut -d'|' -f2,5
grep -E '^No owner is named' "$TMPDIR_CASE/o.txt"
grep -E '^\| (\| Input\| Value|Tickets; tickets|Minutes saved; minutes_saved)\|' "$TMPDIR_CASE/o.txt"
grep -E '^\| NPV\|' "$TMPDIR_CASE/o.txt" | head -1
