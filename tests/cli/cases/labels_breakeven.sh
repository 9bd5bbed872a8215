# Labels and units (crmroi-scenario(5), label and unit): people read each
# input's label, a share as a percentage ("can fall from 80% to 77%"), a
# count as a whole number (182, not 181.8181818), money without cents and
# hours with the two decimals the input is written with; CSV keeps the
# internal names and the unrounded numbers.
$CRMROI breakeven tests/cli/data/labels.csv || exit 1
$CRMROI breakeven -f csv tests/cli/data/labels.csv
