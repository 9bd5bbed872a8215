# A month with actuals for some lines only: the others count as their plan.
printf 'period,kind,name,value\n1,cost,Discovery workshops,45000\n2,cost,Internal project team,15750\n' | $CRMROI track -f csv scenarios/tracking/plan.csv - | grep -E '^section|no actual|^index|reforecast,npv'
