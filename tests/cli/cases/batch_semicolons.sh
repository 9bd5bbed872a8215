# A scenario saved with semicolons as separators (a spreadsheet with a European
# locale) is read as such, with a note on standard error; not a skipped file.
root=$(pwd)
cd "$TMPDIR_CASE" || exit 1
mkdir cases
cp "$root/scenarios/tei_example.csv" cases/a.csv
printf 'kind;name;value\nsetting;title;Export\nsetting;horizon_years;3\ncost;licence;1000\n' > cases/export.csv
$CRMROI batch cases
echo "exit $?"
