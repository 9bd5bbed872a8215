# Every column of a batch table has its own name: the break-even status is
# breakeven_status, apart from the file's status (a JSON object never holds a
# key twice).
$CRMROI batch -a breakeven -f jsonl scenarios/areas/lead_management.csv | head -1
$CRMROI batch -a breakeven scenarios/areas/lead_management.csv | head -1 | tr ',' '\n' | sort | uniq -d
echo "exit $?"
