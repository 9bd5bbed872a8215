printf 'period,kind,name,value\n1,cost,Run,100\n1,benefit,Growing,12\n' | $CRMROI track -f csv tests/cli/data/track_month_formula.csv - | grep '^reforecast,npv'
