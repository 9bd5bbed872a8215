# The pilot gate's document as a reader sees it: printed to PDF by headless
# Chromium and read back with pdftotext. The gate's sentence and the cash
# class's present value are on the page (the class printed as the class
# column writes it, cash, the document writing it Cash).
d=$TMPDIR_CASE
$CRMROI report --no-simulation --date 2026-11-30 -o "$d/g.html" --pdf "$d/g.pdf" \
	scenarios/deployment/pilot_gate.csv || echo "report: exit $?"
pdftotext -layout "$d/g.pdf" - | grep -oE "rollout: 70.00% chance, decided at month 9|Cash +1,238,310 +yes" | sed 's/  */ /g; s/^Cash/cash/'
