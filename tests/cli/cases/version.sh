$CRMROI --version
