# A share of adoption that reaches 100% up to rounding is accepted; periods where
# its benefit has no amount are not checked; a share beyond rounding shows the
# digits that put it above 100%; an unbounded dist is refused at load.
d=tests/cli/data/timing
$CRMROI run -f csv $d/adoption_steps.csv | grep '^metric,npv,'
$CRMROI run -f csv $d/adoption_steps_end.csv | grep '^metric,npv,'
$CRMROI run $d/adoption_just_above.csv
echo "exit $?"
$CRMROI check $d/adoption_normal.csv
echo "exit $?"
