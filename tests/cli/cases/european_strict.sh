# A note is no warning: --strict reads a European file (exit 0), and batch
# counts no warning for it (warnings 0, status ok), while it still prints the
# note on standard error.
$CRMROI run --strict -f csv tests/cli/data/european/tei_example.csv | grep '^metric,npv,'
echo "exit $?"
root=$(pwd)
cd "$TMPDIR_CASE" || exit 1
mkdir cases
cp "$root/tests/cli/data/european/tei_example.csv" cases/eu.csv
$CRMROI batch --strict cases
echo "exit $?"
