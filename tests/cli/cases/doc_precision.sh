# Precision a reader trusts: whole currency units in the headline, millions
# with two decimals in sentences, payback to the month, the benefit-cost ratio
# with two decimals, MIRR beside IRR, and shares of simulated draws with the
# digits their standard error supports (1,000 draws: none; 200,000: one, its
# standard error 0.085 points).
out="$TMPDIR_CASE/p.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/words.csv || exit 1
sh tests/report/doctext.sh "$out" | grep -E '^\| (NPV|IRR|MIRR|Payback|Discounted payback|Benefit-cost ratio)\|'
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" scenarios/midsize_business_case.csv || exit 1
sh tests/report/doctext.sh "$out" | grep -oE 'Approve USD [0-9.]+ million of spending over 5 years'
for n in 1000 200000; do
	$CRMROI report --date 2026-12-01 --draws $n --sobol 0 -o "$out" tests/cli/data/doc/base_rank.csv || exit 1
	sh tests/report/doctext.sh "$out" | grep -E '^\| (P\(NPV < 0\)|Draws below base)\|'
done
