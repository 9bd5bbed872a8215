# spider on a scenario with no input says so instead of printing an empty table.
$CRMROI spider tests/cli/data/no_inputs.csv
