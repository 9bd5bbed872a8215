# The sensitivity tables with --decimal-comma: the tornado's revenue at
# 12000 (NPV -10000 + 7000 x 2.4868519909842) and the one- and two-way data
# tables (NPV 20000 at 0%), and the break-even discount rate (the IRR).
f=scenarios/tei_example.csv
$CRMROI tornado -f csv --decimal-comma --pct 20 $f
$CRMROI sweep -f csv --decimal-comma --vary discount_rate=0%:20%:10% $f
$CRMROI sweep -f csv --decimal-comma --vary discount_rate=0%:20%:10% --vary Revenue=12000:15000:1500 -m npv $f
$CRMROI breakeven -f csv --decimal-comma --input discount_rate $f
$CRMROI spider -f csv --decimal-comma --steps -10,0,10 tests/cli/data/european/tei_example.csv 2>/dev/null
echo "exit $?"
