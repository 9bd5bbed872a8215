# A document dated before the last month with actuals warns on standard
# error, naming a file with that month, and is still written; dated after it,
# it does not warn.
out="$TMPDIR_CASE/t.html"
$CRMROI report --no-simulation --date 2026-12-01 --actuals tests/cli/data/doc/track_jan.csv \
	--actuals tests/cli/data/doc/track_mar.csv -o "$out" tests/cli/data/doc/track_plan.csv 2>&1
echo "exit $?"
$CRMROI report --no-simulation --date 2027-03-31 --actuals tests/cli/data/doc/track_jan.csv \
	--actuals tests/cli/data/doc/track_mar.csv -o "$out" tests/cli/data/doc/track_plan.csv 2>&1
echo "exit $?"
# With --strict the warning is an error: exit 1 and no document.
rm -f "$out"
$CRMROI report --strict --no-simulation --date 2026-12-01 --actuals tests/cli/data/doc/track_jan.csv \
	--actuals tests/cli/data/doc/track_mar.csv -o "$out" tests/cli/data/doc/track_plan.csv 2>&1
echo "exit $?; document written: $(test -e "$out" && echo yes || echo no)"
