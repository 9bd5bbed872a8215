# Independent figures (shared oracle fin_oracle.py, mpmath, flows -1000 3600 -4310 1716
# at 15%): payback_final 2.996503 years = 36.0 months (the first crossing, 0.2778
# years = 3.3 months, is lost again); dpayback_final NONE: not reached.
$CRMROI run tests/cli/data/multi_irr.csv
