# A value tracking filled in from the plan is marked: the Licences invoice of
# February is missing, so the Actual column counts its plan (3,300) and says
# so, the notes carry tracking's "No actual: plan assumed", each actual is
# listed with its source and note, the appendix lists the actuals files, and
# page 1's statement on the contingency says what is assumed.
out="$TMPDIR_CASE/t.html"
$CRMROI report --no-simulation --date 2027-04-01 --actuals tests/cli/data/doc/track_jan.csv \
	--actuals tests/cli/data/doc/track_feb.csv --actuals tests/cli/data/doc/track_mar.csv \
	-o "$out" tests/cli/data/doc/track_plan.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/t.txt"
grep -E '^\| (Licences|Total costs)\|' "$TMPDIR_CASE/t.txt" | head -2
grep -oE '^\* Counts the plan where no actual was given: [^.]*\.' "$TMPDIR_CASE/t.txt"
grep -oE 'These costs count the plan where no actual was given: [^.]*\.' "$TMPDIR_CASE/t.txt"
grep -E '^No actual: plan assumed' "$TMPDIR_CASE/t.txt"
grep -E '^\| month [0-9] \(2027-0[1-3]\)\| (Integrator|Tickets migrated)' "$TMPDIR_CASE/t.txt"
grep -E '^Actuals \(--actuals\)' "$TMPDIR_CASE/t.txt"
