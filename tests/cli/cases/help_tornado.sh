$CRMROI help tornado
