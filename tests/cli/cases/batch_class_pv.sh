# batch -a run gives the present value of each benefit class as the business
# case sums it (each line's present value, added up by class): the same
# figures as run's benefit_classes.
$CRMROI batch -f jsonl tests/conformance/data/classes.csv
$CRMROI run -f json tests/conformance/data/classes.csv | grep -A3 '"benefit_classes"'
