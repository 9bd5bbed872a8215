# A scenario whose first line is a comment of 5,000 bytes is read, not skipped.
root=$(pwd)
cd "$TMPDIR_CASE" || exit 1
mkdir cases
{ printf '# '; awk 'BEGIN { for (i = 0; i < 1000; i++) printf "note "; print "" }'; cat "$root/scenarios/tei_truck.csv"; } > cases/long.csv
$CRMROI batch cases
echo "exit $?"
