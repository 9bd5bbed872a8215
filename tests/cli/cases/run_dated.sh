# Dated discounting: Excel's XNPV/XIRR example as a scenario. Independent
# figures: NPV = XNPV 2,086.65 and IRR = XIRR 37.34% (Microsoft's documentation;
# ../shared/oracle: xnpv 2086.6476020315366, xirr 0.37336253351883151). MIRR on
# the same dates, positives reinvested at 9% to the horizon's end (2010-01-01,
# 731/365 years), by 30-digit mpmath: 0.198182938551063029.
"$CRMROI" run -f json scenarios/cfo/excel_xnpv.csv | grep -E '"(npv|irr|mirr)"'
