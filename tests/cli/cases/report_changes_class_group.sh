$CRMROI report --no-simulation --date 2026-11-30 tests/cli/data/gates/classes.csv tests/cli/data/gates/classes_alt.csv | grep -o "<li>Changes <b>[^<]*</b>[^<]*"
