# Counting cash only: the uncertain values of only_risk.csv feed benefits of
# other classes, so every draw is the base case and min = mean = max = the
# NPV of crmroi run --only cash (with SD 0). JSON names the classes counted.
$CRMROI simulate -n 2000 --sobol 0 -m npv -f json --only cash tests/cli/data/gates/only_risk.csv |
	grep -E '"only"|"npv"|"npv_negative"'
# Without --only the same draws vary: the savings count.
$CRMROI simulate -n 2000 --sobol 0 -m npv -f csv tests/cli/data/gates/only_risk.csv |
	grep -E '^metric,npv,(sd|min|max),' | cut -d, -f3,4 | tr '\n' ' '
echo
# Counting cash and cost_reduction, only the line of that class varies.
$CRMROI simulate -n 2000 --sobol 0 -m npv -f json --only cost_reduction,cash \
	tests/cli/data/gates/only_risk.csv | grep -E '"only"|"values"|"name"'
# Every draw, not only the statistics: one distinct NPV in the samples file.
$CRMROI simulate -n 2000 --sobol 0 -m npv --only cash --samples "$TMPDIR_CASE/draws.csv" \
	-o "$TMPDIR_CASE/report.txt" tests/cli/data/gates/only_risk.csv
head -1 "$TMPDIR_CASE/draws.csv"
sed 1d "$TMPDIR_CASE/draws.csv" | awk -F, '{ print $NF }' | sort -u | awk '{ n++; v = $0 }
	END { print n " distinct NPV over the draws: " v }'
