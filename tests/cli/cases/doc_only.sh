# --only on report, as on run: the metrics count only the classes named, and
# the document says which classes count. Here hard benefits alone. Before the
# appendix it says so in words ("as chosen for this document"); only the
# appendix names the option and the classes as the scenario writes them.
out="$TMPDIR_CASE/o.html"
$CRMROI report --no-simulation --date 2026-12-01 --only cash,cost_reduction -o "$out" \
	tests/cli/data/doc/hard_soft.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/o.txt"
grep -E '^\| NPV\|' "$TMPDIR_CASE/o.txt" | head -1
grep -oE 'Benefit classes in the metrics: [^.]*' "$TMPDIR_CASE/o.txt" | sort -u
grep -E '^\| (Productivity|Cost avoidance)\|' "$TMPDIR_CASE/o.txt"
$CRMROI report --only nonsense tests/cli/data/doc/hard_soft.csv; echo "exit $?"
