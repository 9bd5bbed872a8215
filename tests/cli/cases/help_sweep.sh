$CRMROI sweep --help
