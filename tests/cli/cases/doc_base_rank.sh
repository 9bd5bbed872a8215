# The base case against its own simulation: a go-live planned at its earliest
# month puts the base NPV far above the simulated median, and the document
# says so, with the percentile and the input whose base is far from its mean.
out="$TMPDIR_CASE/b.html"
$CRMROI report --date 2026-12-01 --draws 4000 --seed 3 --sobol 0 -o "$out" tests/cli/data/doc/base_rank.csv || exit 1
sh tests/report/doctext.sh "$out" | grep -oE 'The base case is [a-z]+ against its own simulation.* over (its|their) ranges?\.'
sh tests/report/doctext.sh "$out" | grep -E '^\| Draws below base\|'
# A base in the middle of its simulation is said to be there.
$CRMROI report --date 2026-12-01 --draws 4000 --seed 3 --sobol 0 -o "$out" tests/cli/data/doc/sobol.csv || exit 1
sh tests/report/doctext.sh "$out" | grep -oE 'The base case sits in the middle[^.]*\.' | head -1
