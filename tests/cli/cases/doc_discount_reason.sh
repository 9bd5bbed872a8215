# The document's methodology gives the discount rate's reason when the
# discount_rate row has a note (escaped as text), and says there is none
# when it has none (crmroi-scenario(5) tells the author how).
$CRMROI report --date 2026-12-01 --no-simulation -o "$TMPDIR_CASE/r.html" tests/cli/data/doc/rate_reason.csv
grep -o '<b>The discount rate.</b> [^&]*&lt;plan&gt;[.]' "$TMPDIR_CASE/r.html"
$CRMROI report --date 2026-12-01 --no-simulation -o "$TMPDIR_CASE/t.html" scenarios/tei_example.csv
grep -o "the scenario gives no reason of its own[.]" "$TMPDIR_CASE/t.html"
