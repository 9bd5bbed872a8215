$CRMROI check --help
