# batch gives a starter's placeholders in its warnings columns: how many, and
# the first with its file, line and column; the business case is computed.
cd "$TMPDIR_CASE" || exit 1
$CRMROI new --areas lead_management,field_service -o case.csv 2>/dev/null
$CRMROI batch case.csv > batch.csv 2>/dev/null
echo "exit $?"
python3 -c 'import csv, sys; [print(" | ".join((r[0], r[2], r[4], r[5], r[7]))) for r in csv.reader(open(sys.argv[1]))]' batch.csv
