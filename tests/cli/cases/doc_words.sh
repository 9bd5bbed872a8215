# Words a board reads: inputs by their names for people (not adoption_rate),
# formulas in those words, a percentage input's fall in percentage points,
# and no file path outside the appendix.
out="$TMPDIR_CASE/w.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/words.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/w.txt"
grep -oE 'Adoption rate can fall from [0-9.]+% to [0-9.]+% \([0-9.]+ percentage points\)[^.|]*' "$TMPDIR_CASE/w.txt" | head -1
grep -E '^Calculation:' "$TMPDIR_CASE/w.txt"
echo "internal names before the appendix: $(sed '/^Appendix: assumptions register$/,$d' "$TMPDIR_CASE/w.txt" | grep -cE 'adoption_rate|tickets_per_year|minutes_saved_per_ticket')"
echo "file paths before the appendix: $(sed '/^Appendix: assumptions register$/,$d' "$TMPDIR_CASE/w.txt" | grep -c 'words\.csv')"
echo "in the appendix: $(sed -n '/^Appendix: assumptions register$/,$p' "$TMPDIR_CASE/w.txt" | grep -c 'tests/cli/data/doc/words\.csv')"
