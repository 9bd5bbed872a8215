# The bundled dated case: NPV is the XNPV and IRR the XIRR of every flow on its
# day. Independent figures from ../shared/oracle (gnumeric and mpmath), with the
# flows written out by date (-150,000 on 2027-03-15, -250,000 on 2027-11-30,
# -9,000 at the end of months 1-8 and +33,000 of months 9-36, each on
# EDATE(2027-03-15, m)): XNPV at 8% 343,969.69115340677, XIRR 0.63768793398551473.
"$CRMROI" run -f json scenarios/cfo/dated.csv | grep -E '"(npv|irr)"'
