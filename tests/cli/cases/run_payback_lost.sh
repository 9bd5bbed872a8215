# Independent figures (shared oracle fin_oracle.py, mpmath, -100000 150000 0 -200000 at
# 10%): npv -113899.3238, payback (first crossing) 0.6667 years = month 8.0, payback_final
# NONE, so payback is not reached; dpayback 0.7333 years = month 8.8, dpayback_final NONE.
$CRMROI run -f csv tests/cli/data/payback_lost.csv
$CRMROI batch tests/cli/data/payback_lost.csv
$CRMROI simulate -n 1000 --sobol 0 tests/cli/data/payback_lost.csv | grep 'payback is not reached'
