# A two-way table of NPV over a start month and a share of adoption: along a
# row only the share changes (the short way); a row whose start month moves
# is evaluated in full. CSV and JSON show the same numbers.
$CRMROI sweep -f csv --vary golive=6:8:1 --vary share=50%:100%:25% tests/cli/data/timed_adoption.csv | tr -d '\r'
$CRMROI sweep -f json --vary golive=6:8:1 --vary share=50%:100%:25% tests/cli/data/timed_adoption.csv
