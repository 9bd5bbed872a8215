# tax_rate swept: after-tax NPV from 686.18 (0%) down to -261.52 (50%); at 40%
# it is the textbook -71.98 (../shared/oracle: -5000 then 1500 - 0.5 x 500 = 1250
# x 5 at 10% gives -261.52; printed rounded to the unit).
"$CRMROI" sweep --vary tax_rate=0:50%:10% -m npv,after_tax_npv,after_tax_irr scenarios/cfo/textbook.csv
