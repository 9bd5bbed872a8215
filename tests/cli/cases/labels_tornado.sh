# Tornado ends in each input's unit, under its label (the bar chart cuts a
# long label at 22 characters with ~); markdown the same; JSON keeps names.
$CRMROI tornado tests/cli/data/labels.csv || exit 1
$CRMROI tornado -f markdown tests/cli/data/labels.csv || exit 1
$CRMROI tornado -f json tests/cli/data/labels.csv | grep -E '"name"'
