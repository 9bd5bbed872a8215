$CRMROI frobnicate
