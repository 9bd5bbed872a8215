# The workbook's Inputs sheet gives each input's label, with the defined name
# formulas use beside it; the Sensitivity sheet names the bars by label.
$CRMROI workbook tests/cli/data/labels.csv -o "$TMPDIR_CASE/l.xlsx" || exit 1
/usr/bin/python3 - "$TMPDIR_CASE/l.xlsx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = re.findall(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode())
for k, name in enumerate(names, 1):
    if name not in ("Inputs", "Sensitivity"):
        continue
    text = re.findall(r"<t[^>]*>([^<]*)</t>", z.read("xl/worksheets/sheet%d.xml" % k).decode())
    print(name + ":", ", ".join(t for t in text if t in ("Licensed users", "users", "Share of users who use it", "adoption")))
PY
