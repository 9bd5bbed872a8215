# The variant names its base as it reads it: relative to its own folder
# (setting,base is read relative to the file that names it), through any
# link; a base given from the root stays so; a variant on standard output
# names the base as given. A base that inherits (mid.csv) gives the columns
# of its files and its examples, rows of either, as written.
root=$(pwd)
cd "$TMPDIR_CASE" || exit 1
mkdir -p cases/2027 options
cp "$root/tests/cli/data/new/root.csv" "$root/tests/cli/data/new/mid.csv" cases/2027/
$CRMROI new --from cases/2027/mid.csv --title "Option B" -o options/b.csv 2>&1 | sed "s#$TMPDIR_CASE#TMP#g"
cat options/b.csv
$CRMROI check options/b.csv | head -1
$CRMROI new --from "$TMPDIR_CASE/cases/2027/mid.csv" -o options/c.csv 2>/dev/null
grep '^setting,base' options/c.csv | sed "s#$TMPDIR_CASE#TMP#g"
$CRMROI new --from cases/2027/mid.csv | grep '^setting,'
