# Values that round to zero at the decimals shown print as 0, not -0: an NPV of -0.03
# or -0.4 in whole units, an ROI, IRR or MIRR of -0.003% with two decimals.
$CRMROI sweep --vary gain=999.97:1000.03:0.03 tests/cli/data/break_even_cent.csv
$CRMROI sweep -f markdown -m npv,roi,irr --vary gain=999.6:1000.4:0.2 tests/cli/data/break_even_cent.csv
# The two-way table: -0.03 at 0%, -0.13, -0.10 and -0.07 at 0.01% (gain / 1.0001 - 1000).
$CRMROI sweep --vary gain=999.97:1000.03:0.03 --vary discount_rate=0%:0.01%:0.01% tests/cli/data/break_even_cent.csv
