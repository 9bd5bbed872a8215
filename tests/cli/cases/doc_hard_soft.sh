# Soft benefits carrying the case are said: NPV on hard benefits (cash, cost
# reduction) beside the total, the share of the benefits that is productivity
# or cost avoidance, and a recommendation that names the condition.
out="$TMPDIR_CASE/h.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/hard_soft.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/h.txt"
grep -E '^\| (NPV|NPV, hard benefits only)\|' "$TMPDIR_CASE/h.txt"
grep -E '^(On hard benefits alone|Recommendation:)' "$TMPDIR_CASE/h.txt"
grep -E '^\| (Cash|Cost reduction|Productivity|Cost avoidance)\|' "$TMPDIR_CASE/h.txt"
