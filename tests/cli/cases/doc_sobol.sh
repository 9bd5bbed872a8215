# Sobol indices with enough points for narrow intervals (2^14 by default),
# each with its 95% interval to two significant figures; an index whose
# interval reaches 0 shown as "< x%"; a first order above the total remarked.
# NPV = a + b + c - 500 with independent uniform a, b, c: the true indices
# are 79.84%, 19.96% and 0.20%, first order and total alike.
out="$TMPDIR_CASE/s.html"
$CRMROI report --date 2026-12-01 --draws 2000 -o "$out" tests/cli/data/doc/sobol.csv || exit 1
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/s.txt"
sed -n '/^Share of the variance/,$p' "$TMPDIR_CASE/s.txt" | grep -E '^\| (A|B|C)( \*)?\| [0-9<]'
grep -E '^\| A\| 600\|' "$TMPDIR_CASE/s.txt"
grep -oE 'Estimated from [0-9,]+ quasi-random base points' "$TMPDIR_CASE/s.txt"
grep -oE '\* The first-order estimate is above the total one[^:]*' "$TMPDIR_CASE/s.txt"
# Fewer base points than the document takes are refused.
$CRMROI report --sobol 4096 tests/cli/data/doc/sobol.csv; echo "exit $?"
