# The break-even lies between the first two whole values. Hand calculation at 10%
# (net flows -10,000 then 10,000 a year): NPV over 1 year = -10,000 + 10,000/1.1 =
# -909.09 (below 0), over 2 years -10,000 + 9,090.91 + 8,264.46 = 7,355.37: the last
# horizon still at or above 0 is 2.
$CRMROI breakeven --input horizon_years scenarios/tei_example.csv
