# The options page says which option is the better bet in every world: the
# shifted case (y + 10,000) dominates the base at first order and is never
# worse, better by exactly 10,000 (by hand); the base is the safer bet than
# its mean-preserving spread (second order).
d=tests/cli/data/dominance
out="$TMPDIR_CASE/d.html"
$CRMROI report --date 2026-12-01 --draws 4000 --seed 2 --sobol 0 -o "$out" $d/base.csv $d/shift.csv $d/spread.csv || exit 1
sh tests/report/doctext.sh "$out" | grep -E '^In the same draws'
