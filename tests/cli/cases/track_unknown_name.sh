printf '# a typo\nperiod,kind,name,value\n3,criterion,vendor_shortlisted,3\n' | $CRMROI track scenarios/tracking/plan.csv -
