# With --strict a value still equal to its placeholder is an error: check and
# run say each one, write nothing and exit 1. Once every placeholder cell is
# emptied (each typical value kept on purpose), the same starter passes.
cd "$TMPDIR_CASE" || exit 1
$CRMROI new --areas self_service -o case.csv 2>/dev/null
$CRMROI check --strict case.csv
echo "exit $?"
$CRMROI run --strict -o out.txt case.csv 2>/dev/null
echo "exit $?"
ls
sed 's/,[^,]*\r$/,\r/' case.csv > kept.csv
$CRMROI check --strict kept.csv | head -2
echo "exit $?"
