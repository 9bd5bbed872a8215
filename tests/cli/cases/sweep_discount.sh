# Independent figures (shared oracle fin_oracle.py, mpmath, flows -10000 10000 10000 10000):
# MIRR with finance and reinvestment rates following the discount rate is 44.22% at 0%,
# 46.63% at 5%, 51.43% at 15%, 53.83% at 20% (0.4422495703, 0.4662849098, 0.5143075401,
# 0.5382743362).
$CRMROI sweep --vary discount_rate=0%:20%:5% scenarios/tei_example.csv
