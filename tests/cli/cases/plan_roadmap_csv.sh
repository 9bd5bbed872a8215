# The bundled roll-out plan (plan_roadmap) in csv.
$CRMROI plan -f csv scenarios/roadmap/midsize_roadmap.csv
