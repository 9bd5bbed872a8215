# A round() step far smaller than the scan step: IRR and NPV jump over their
# targets at b = 1,033,781.5 and 595,130.5, and the sentence shows as many
# decimals as it takes to tell the target from the two values around the jump.
printf 'kind,name,value,timing\ninput,b,1000000\ncost,Licence,480000,once\nbenefit,Orders,"round(b, 0)",yearly\n' >"$TMPDIR_CASE/step.csv"
cd "$TMPDIR_CASE"
$CRMROI breakeven -f csv --input b --metric irr --target 2.08 step.csv | cut -d, -f1,3-
$CRMROI breakeven -f csv --input b --metric npv --target 1000000.3 step.csv | cut -d, -f1,3-
