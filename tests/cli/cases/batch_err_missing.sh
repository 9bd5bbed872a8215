$CRMROI batch no/such/dir
