# The bundled after-tax case. Independent figures, by hand (exact fractions):
# double declining balance of 900,000 to a salvage of 50,000 over 5 years:
# 360,000, 216,000, 129,600, 77,760, 66,640 (Gnumeric's VDB); profit before
# depreciation Year 1 = benefits 231,270.83 - 480,000 expensed = -248,729.17,
# Year 2 491,354.17; losses carried: 608,729.17, then 333,375; Year 3 pays
# 25% x (395,400 - 333,375) = 15,506.25, in Year 4 (lag 1); Year 5's tax,
# 114,590, falls after the horizon.
"$CRMROI" run -f json scenarios/cfo/after_tax.csv | tr '{' '\n' | grep -E '"year": |tax_beyond'
