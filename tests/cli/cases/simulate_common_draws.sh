# Several scenarios simulated together on common draws (crmroi/joint.h): the
# shifted case (y + 10,000) dominates the base (y) at first order and beats it
# in every draw, never worse, better by exactly 10,000 (by hand); the spread
# (2 y - 100,000, the base's mean, twice its spread) is dominated by the base
# at second order only, and beats it when y > 100,000: P = 0.5 (analytic).
d=tests/cli/data/dominance
$CRMROI simulate -n 20000 --sobol 0 $d/base.csv $d/shift.csv $d/spread.csv | sed -n '/^Compared on common draws/,$p'
$CRMROI simulate -n 2000 --sobol 0 -f csv $d/base.csv $d/shift.csv | grep '^common_draws'
$CRMROI simulate -n 2000 --sobol 0 -f json $d/base.csv $d/shift.csv | grep -c '"common_draws"'
