$CRMROI batch --only cash,cahs scenarios/deployment
