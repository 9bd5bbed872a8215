$CRMROI help run
