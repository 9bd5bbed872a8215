# A losing case: a loss said once, the change needed to break even (in
# percentage points and relative to the base for a percentage input).
$CRMROI report --no-simulation --date 2026-11-30 scenarios/deployment/big_bang_at_risk.csv | grep -E -o "The case [a-z]+ a net present value of [^ ]+ [0-9,-]+|Change needed|Margin of safety|[0-9.]+ points \([0-9.]+%\)|Lead conversion uplift must [a-z]+ to [0-9.]+%[^<]*"
