$CRMROI help batch
