$CRMROI help simulate
