# CSV injection: the CSV of tornado, spider, sweep (one-way, and the streamed
# two-way table) and breakeven neutralise text a spreadsheet would take for a
# formula (a line called @SUM(A1)); numbers and the column "-30%" stay as they are.
d=tests/cli/data/hostile
$CRMROI tornado -f csv $d/scenario.csv
$CRMROI spider -f csv $d/scenario.csv
$CRMROI sweep -f csv --vary '@SUM(A1)=20000:40000:10000' $d/scenario.csv
$CRMROI sweep -f csv --vary '@SUM(A1)=20000:40000:10000' --vary seats=80:120:40 $d/scenario.csv
$CRMROI breakeven -f csv $d/scenario.csv
$CRMROI breakeven -f csv --input '@SUM(A1)' $d/scenario.csv
