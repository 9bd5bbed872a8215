$CRMROI run
