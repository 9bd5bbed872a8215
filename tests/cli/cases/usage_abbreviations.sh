# A long option may be shortened to any prefix that is one of the command's
# own options alone, as getopt_long allows: --b is run's --by, simulate's --bins.
$CRMROI run --b year scenarios/tei_example.csv | sed -n '/^  NPV/p'
$CRMROI simulate --b 3 -n 200 --sobol 0 -f csv tests/cli/data/risky.csv | grep -c "^histogram,npv"
$CRMROI tornado --jobs 2 scenarios/tei_example.csv; echo "exit $?"
$CRMROI track -j 2 x; echo "exit $?"
