# The after_tax object of the JSON report (same keys as metrics).
"$CRMROI" run -f json scenarios/cfo/textbook.csv
