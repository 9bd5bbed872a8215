# How good were the estimates: estimates.csv's inputs against what realised.csv
# says they turned out to be, per owner, with the exact 95% interval of each
# coverage; the risk event's Brier score, (0.25 - 1)^2 = 0.5625 by hand; the
# scenario with the ranges widened, which check reads back.
cd "$TMPDIR_CASE" || exit 1
d=$OLDPWD/scenarios/tracking
$CRMROI track --calibration $d/estimates.csv $d/actuals/*.csv $d/realised.csv | sed "s#$OLDPWD/##g" || exit 1
$CRMROI track --calibration --calibrated-out widened.csv -f csv $d/estimates.csv $d/actuals/*.csv $d/realised.csv | grep -E '^(owner,,Sales director|events)'
grep -c '^input,' widened.csv
grep -o 'widened by [0-9.]*: [0-9]* of [0-9]*' widened.csv | sort -u
$CRMROI check widened.csv | head -1 | sed 's/:.*: ok/: ok/'
# Without --calibration, the tracking comes first and the calibration after it.
$CRMROI track $d/estimates.csv $d/actuals/*.csv $d/realised.csv | grep -c '^How good were the estimates'
