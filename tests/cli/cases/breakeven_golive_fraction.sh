# A go-live between two months (4.5): its break-even is a whole month, and an
# input that cannot be searched (1e308) is a row with the reason, not the end
# of the command (the table comes out, then the located error, exit 1).
$CRMROI breakeven tests/cli/data/timing/fraction.csv
echo "exit $?"
$CRMROI batch -a breakeven tests/cli/data/timing/fraction.csv
echo "exit $?"
$CRMROI batch -f jsonl -a breakeven tests/cli/data/timing/fraction.csv
echo "exit $?"
