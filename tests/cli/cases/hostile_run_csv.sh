# CSV injection: run's CSV writes a label, an area, an owner, a metric or a
# note that starts with =, +, - or @ after a ', so that a spreadsheet shows it
# as text; numbers, and text that reads as a number, are left alone.
$CRMROI run -f csv tests/cli/data/hostile/scenario.csv
