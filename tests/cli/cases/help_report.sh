$CRMROI report --help
