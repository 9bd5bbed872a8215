# Independent figures (hand calculation): NPV = 14,868.52 + (R - 15,000) x 2.4868520
# (the 3-year annuity factor at 10%): 7,408 at R = 12,000 and 77,040 at R = 40,000.
$CRMROI breakeven --input Revenue --interval 12000:40000 scenarios/tei_example.csv
