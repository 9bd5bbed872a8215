# The document of a scenario with area rows has its roll-out plan: what the
# best plan is worth against the areas as written (base case NPV 659,921 by
# indep_model.py) and big bang, each area's go-live and why, a Gantt chart;
# printed by a real headless Chromium, the chart's title and areas are on the
# page.
out="$TMPDIR_CASE/r.html"
$CRMROI report --date 2026-12-01 --seed 1 --sobol 0 -n 2000 -o "$out" --pdf "$TMPDIR_CASE/r.pdf" \
	scenarios/roadmap/midsize_roadmap.csv || exit 1
sh tests/report/doctext.sh "$out" | grep -o 'The plan with the highest .*draws\.'
sh tests/report/doctext.sh "$out" | grep -E '^\| (NPV, the base case|Expected NPV|NPV after tax|Expected NPV after tax)\|'
pdftotext "$TMPDIR_CASE/r.pdf" - | grep -c -E '^The roll-out plan: when each area goes live$'
pdftotext "$TMPDIR_CASE/r.pdf" - | grep -m1 -c 'Field service (left out)\|Field service'
