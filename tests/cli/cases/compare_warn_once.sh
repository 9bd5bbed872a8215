$CRMROI compare tests/cli/data/warn_once/base.csv tests/cli/data/warn_once/upsell.csv tests/cli/data/warn_once/support.csv
