# Two scenarios on one base: the base's warnings are shown once, not once per scenario.
$CRMROI compare tests/cli/data/shared_base/a.csv tests/cli/data/shared_base/b.csv >/dev/null
