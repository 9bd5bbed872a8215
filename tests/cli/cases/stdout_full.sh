# A full disk on standard output is an I/O error (exit 3), not success.
$CRMROI run scenarios/tei_example.csv > /dev/full
echo "exit $?"
