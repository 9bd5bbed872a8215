$CRMROI run --help
