$CRMROI help frobnicate
