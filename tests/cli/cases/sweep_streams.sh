# A one-way data table in CSV or JSON is written in blocks of rows: its memory
# does not grow with its points, and the blocks join into the same table as
# the pieces computed one by one (whole-number steps, so the points are exact).
export ASAN_OPTIONS="quarantine_size_mb=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
s=scenarios/areas/lead_management.csv
for f in csv json; do
	$CRMROI sweep -f $f --vary leads_per_year=1:10000:1 $s > "$TMPDIR_CASE/all.$f"
	echo "$f: exit $?"
	$CRMROI sweep -f $f --vary leads_per_year=1:4096:1 $s > "$TMPDIR_CASE/p1.$f"
	$CRMROI sweep -f $f --vary leads_per_year=4097:8192:1 $s > "$TMPDIR_CASE/p2.$f"
	$CRMROI sweep -f $f --vary leads_per_year=8193:10000:1 $s > "$TMPDIR_CASE/p3.$f"
done
/usr/bin/python3 - "$TMPDIR_CASE" <<'PY'
import csv, json, sys
d = sys.argv[1]
# CSV: the whole table has a <key>_note column wherever a value is undefined
# anywhere in it; a piece only where it is undefined in the piece.
whole = list(csv.DictReader(open(d + "/all.csv", newline="")))
rows = sum((list(csv.DictReader(open("%s/p%d.csv" % (d, k), newline=""))) for k in (1, 2, 3)), [])
same = len(whole) == len(rows) and all(
    all(w.get(key) == value for key, value in r.items()) and
    all(w[key] == "" for key in w if key not in r) for w, r in zip(whole, rows))
print("csv: %d rows, %s" % (len(whole), "the blocks join into one table" if same else "DIFFERENT"))
print("csv: note columns:", " ".join(k for k in whole[0] if k.endswith("_note")))
whole = json.load(open(d + "/all.json"))
rows = sum((json.load(open("%s/p%d.json" % (d, k)))["rows"] for k in (1, 2, 3)), [])
print("json: %d rows, %s" % (len(whole["rows"]), "the blocks join into one table" if whole["rows"] == rows else "DIFFERENT"))
PY
# Peak memory of 20,000 and 200,000 points: the same, within 16 MB (a table
# held whole grows by more than 50 MB).
/usr/bin/python3 - "$CRMROI" <<'PY'
import resource, subprocess, sys
def peak(n):
    # Each measurement in its own child, so the children's peak is this one's.
    code = ("import resource, subprocess, sys\n"
            "subprocess.run([sys.argv[1], 'sweep', '-f', 'csv', '--vary', "
            "'discount_rate=0:%d:1', 'scenarios/tei_example.csv'], stdout=subprocess.DEVNULL, check=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)" % (n - 1))
    return int(subprocess.run([sys.executable, "-c", code, sys.argv[1]], capture_output=True,
                              text=True, check=True).stdout)
small, large = peak(20000), peak(200000)
print("peak memory grows by less than 16 MB from 20,000 to 200,000 points:",
      "yes" if large - small < 16 * 1024 else "no (%d kB)" % (large - small))
PY
