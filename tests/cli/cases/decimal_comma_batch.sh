# batch writes its table the same way: the comma-separated TEI illustration and
# its European copy give the same row, 14868,51990984222.
root=$(pwd)
cd "$TMPDIR_CASE" || exit 1
mkdir cases
cp "$root/scenarios/tei_example.csv" cases/a.csv
cp "$root/tests/cli/data/european/tei_example.csv" cases/b.csv
$CRMROI batch --decimal-comma cases
echo "exit $?"
