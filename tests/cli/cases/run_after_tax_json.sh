# The after_tax object of the JSON report (same keys as metrics).
"$CRMROI" run -f json tests/cli/data/after_tax_textbook.csv
