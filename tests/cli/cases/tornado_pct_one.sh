# --pct 1 is accepted. Hand calculation: Revenue +/-1% = +/-150 a year for 3 years at 10%
# moves NPV by 150 x 2.4868520 = 373; operating cost +/-50 a year by 124; set-up +/-100 by 100.
$CRMROI tornado --pct 1 scenarios/tei_example.csv
