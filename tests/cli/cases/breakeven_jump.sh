# Hand calculation (see the data file): NPV jumps from -100 to 200 at units = 3.5;
# no value gives NPV = 0, so the status is a jump, not a break-even.
$CRMROI breakeven --input units tests/cli/data/round_step.csv
