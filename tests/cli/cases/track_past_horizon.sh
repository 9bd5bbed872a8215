# Actuals after the plan's horizon are an error.
printf 'period,kind,name,value\n2027-06,cost,Training,100\n2030-01,cost,CRM licences,8000\n' | $CRMROI track scenarios/tracking/plan.csv -
