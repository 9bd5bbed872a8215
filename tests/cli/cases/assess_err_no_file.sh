$CRMROI assess
