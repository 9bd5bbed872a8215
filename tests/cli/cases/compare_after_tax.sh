# compare shows the after-tax metrics when a scenario has tax_rate, and ranks by
# them with --rank. Independent figures: the textbook case's after-tax NPV
# -71.98 (shown -72) and IRR 9.43% (../shared/oracle, mpmath: -5000 then 1300 x 5
# at 10%).
"$CRMROI" compare --rank after_tax_npv scenarios/cfo/textbook.csv scenarios/cfo/after_tax.csv
