# A folder with a symbolic link loop: the loop is skipped with a notice, the
# scenarios are read once.
root=$(pwd)
cd "$TMPDIR_CASE" || exit 1
mkdir -p cases/sub
cp "$root/scenarios/tei_example.csv" cases/a.csv
cp "$root/scenarios/tei_truck.csv" cases/sub/b.csv
ln -s .. cases/sub/up
ln -s self cases/self
$CRMROI batch cases
echo "exit $?"
