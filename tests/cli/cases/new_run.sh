# A starter runs as written: the business case of its typical figures, with a
# warning for each placeholder.
cd "$TMPDIR_CASE" || exit 1
$CRMROI new --areas lead_management,opportunity_management,field_service --currency EUR --horizon 5 -o case.csv 2>/dev/null
$CRMROI run -f csv case.csv
echo "exit $?"
