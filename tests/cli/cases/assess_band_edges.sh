# The edges of the score bands are inside them (the answers file gives each edge, and
# the points by hand); 66% lies between 50-65% and 70-85% and is refused.
$CRMROI assess -f csv tests/cli/data/assess/band_edges.csv 2>/dev/null |
	grep -E ',(total|section),(,|policy_strategy|employees|customers)' | cut -d, -f2-7
$CRMROI assess -f csv tests/cli/data/assess/band_edges.csv 2>/dev/null |
	grep -E ',criterion,(PS|EM|CU[1-4])' | awk -F, '{ print $3 "," $NF }'
printf 'id,answer\nPS1,66%%\n' | $CRMROI assess -
