# The bundled roll-out plan (plan_roadmap) in markdown.
$CRMROI plan -f markdown scenarios/roadmap/midsize_roadmap.csv
