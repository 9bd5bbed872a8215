# The document's readiness section: the factor, its effect on NPV, the
# break-even readiness and the section bars.
$CRMROI report --no-simulation --date 2026-11-30 -o "$TMPDIR_CASE/r.html" scenarios/assess/business_case.csv &&
sed -n '/<section id="readiness"/,/<\/section>/p' "$TMPDIR_CASE/r.html"
