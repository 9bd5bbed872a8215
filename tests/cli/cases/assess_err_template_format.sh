$CRMROI assess --template -f json
