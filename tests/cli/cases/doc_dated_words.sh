# Dated discounting in words: every statement of the convention names XNPV
# and XIRR on ACT/365 (the method's "positive XNPV at any rate below its
# XIRR"), a payment on a day of its own keeps its date, peak funding says it
# is measured at month ends, and the budget says why the payment on the
# investment date stands apart from its fiscal year.
out="$TMPDIR_CASE/d.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/dated_xnpv.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/d.txt"
grep -oE 'Calculation: [^;]*; once, on [0-9-]+[^.]*\.' "$TMPDIR_CASE/d.txt"
grep -oE 'The case keeps a positive [A-Z]+ at any rate below its [A-Z]+, [0-9.]+%\.' "$TMPDIR_CASE/d.txt"
grep -oE 'XNPV, day count ACT/365, with IRR as XIRR on the same days' "$TMPDIR_CASE/d.txt" | sort | uniq -c
grep -oE 'reached in month [0-9]+ \([0-9-]+\) \(measured at month ends\)' "$TMPDIR_CASE/d.txt"
grep -E '^\| NPV \(XNPV\)\|' "$TMPDIR_CASE/d.txt" | head -1
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" scenarios/cfo/dated.csv || exit 1
sh tests/report/doctext.sh "$out" | grep -oE '^Budget by year \([^)]*\)'
