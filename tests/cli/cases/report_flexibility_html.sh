$CRMROI report --no-simulation --date 2026-11-30 tests/cli/data/gates/flex_risk.csv | grep -A9 "<h3>Later module" | grep -E "Class|amount"
