# After-tax view of the textbook exercise. Independent figures: before-tax NPV
# 686.18, after-tax NPV -71.98 and IRR 9.43% (../shared/oracle, mpmath:
# -5000 then 1300 x 5 at 10%: -71.977199769017; IRR 0.094348907451860).
"$CRMROI" run scenarios/cfo/textbook.csv
