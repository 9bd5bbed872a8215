$CRMROI new --help
