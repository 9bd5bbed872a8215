# The bundled roll-out plan (plan_roadmap) in json.
$CRMROI plan -f json scenarios/roadmap/midsize_roadmap.csv
