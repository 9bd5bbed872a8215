# The document says of a decided gate on what it is decided, what the option
# to stop is worth and how often it stops, beside the gate's chance.
out="$TMPDIR_CASE/p.html"
$CRMROI report --date 2026-12-01 --seed 1 --sobol 0 -o "$out" scenarios/deployment/pilot_decided.csv || exit 1
sh tests/report/doctext.sh "$out" | grep -m1 -o 'Decided, not only a chance.*'
