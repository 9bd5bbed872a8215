# --seed takes the whole unsigned 64-bit range, and says so past it.
$CRMROI simulate -n 100 --sobol 0 -f csv --seed 18446744073709551615 tests/cli/data/risky.csv | head -3
$CRMROI simulate --seed 18446744073709551616 tests/cli/data/risky.csv; echo "exit $?"
$CRMROI simulate --seed -1 tests/cli/data/risky.csv; echo "exit $?"
$CRMROI batch -a simulate -n 100 --seed 18446744073709551615 tests/cli/data/risky.csv | cut -d, -f8-10 | head -2
$CRMROI batch --seed 1e3 tests/cli/data/risky.csv; echo "exit $?"
