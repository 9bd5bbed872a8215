# crmroi new writes a business case of three areas of the library, in euros
# over five years: settings, golive and adoption, each area's drivers with
# unit, range, owner and note and its benefit lines, the usual costs; every
# row has a cell for every column, and each value crmroi cannot know is
# repeated in the placeholder column. A line on standard error says what it
# wrote and what to run next.
cd "$TMPDIR_CASE" || exit 1
$CRMROI new --areas lead_management,opportunity_management,field_service --currency EUR --horizon 5 -o case.csv
echo "exit $?"
cat case.csv
# Every row has the header's 21 fields (quoted commas aside).
python3 -c 'import csv, sys; print(sorted({len(r) for r in csv.reader(open(sys.argv[1])) if r and not r[0].startswith("# ") and r[0] != "#"}))' case.csv
