# Dated discounting: the same seed gives the same bytes on 1 and 2 threads (NPV,
# the XIRR of each draw's flows on their days, payback, the Sobol indices).
a=$($CRMROI simulate -n 30000 --sobol 256 -j 1 -f csv tests/cli/data/dated_risky.csv | cksum); b=$($CRMROI simulate -n 30000 --sobol 256 -j 2 -f csv tests/cli/data/dated_risky.csv | cksum); [ "$a" = "$b" ] && echo identical || echo "differ: $a / $b"
