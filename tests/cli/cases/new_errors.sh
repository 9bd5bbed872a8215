# Usage errors of crmroi new, each with what was found and what is expected,
# exit status 2 and nothing written: an unknown area (with a did-you-mean and
# the list), an area named twice, no area, options of a new case with --from,
# --list with another option, a horizon or currency a scenario cannot have,
# a file given as an operand, --from on standard input.
cd "$TMPDIR_CASE" || exit 1
$CRMROI new --areas lead_managment,field_service -o a.csv
echo "exit $?"
$CRMROI new --areas ecommerce,ecommerce
echo "exit $?"
$CRMROI new --areas all,ecommerce
echo "exit $?"
$CRMROI new --areas ' , '
echo "exit $?"
$CRMROI new
echo "exit $?"
$CRMROI new -o a.csv --currency EUR
echo "exit $?"
$CRMROI new --from base.csv --horizon 3
echo "exit $?"
$CRMROI new --list --areas ecommerce
echo "exit $?"
$CRMROI new --areas ecommerce --horizon 0
echo "exit $?"
$CRMROI new --areas ecommerce --horizon 51
echo "exit $?"
$CRMROI new --areas ecommerce --horizon 2.5
echo "exit $?"
$CRMROI new --areas ecommerce --horizon five
echo "exit $?"
$CRMROI new --areas ecommerce --currency 'US D'
echo "exit $?"
$CRMROI new --areas ecommerce --currency EURDOLLAR
echo "exit $?"
$CRMROI new --areas ecommerce --title "$(printf 'Phase\t1')"
echo "exit $?"
$CRMROI new --areas ecommerce case.csv
echo "exit $?"
$CRMROI new --from - < /dev/null
echo "exit $?"
ls
