$CRMROI help compare
