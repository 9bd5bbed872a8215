$CRMROI --help
