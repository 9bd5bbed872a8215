# crmroi new never replaces a file: an existing output is refused and left as
# it was (it is probably a scenario being filled in), as are the base and a
# file the base inherits from. A base that cannot be read, or that has bad
# data, is reported at its file, line and column.
root=$(pwd)
cd "$TMPDIR_CASE" || exit 1
printf 'kind,name,value\nsetting,title,Mine\n' > mine.csv
$CRMROI new --areas ecommerce -o mine.csv
echo "exit $?"
$CRMROI new --list -o mine.csv
echo "exit $?"
cat mine.csv
cp "$root/tests/cli/data/new/root.csv" "$root/tests/cli/data/new/mid.csv" .
$CRMROI new --from mid.csv -o mid.csv
echo "exit $?"
$CRMROI new --from mid.csv -o root.csv
echo "exit $?"
ln -s mid.csv link.csv
$CRMROI new --from link.csv -o mid.csv
echo "exit $?"
cmp mid.csv "$root/tests/cli/data/new/mid.csv" && cmp root.csv "$root/tests/cli/data/new/root.csv" && echo unchanged
$CRMROI new --from missing.csv -o b.csv
echo "exit $?"
$CRMROI new --from "$root/tests/cli/data/bad_rate.csv" -o b.csv 2>&1 | sed "s#$root/##"
$CRMROI new --from mid.csv -o no/such/folder/b.csv
echo "exit $?"
ls
