$CRMROI batch --analysis sweep scenarios
