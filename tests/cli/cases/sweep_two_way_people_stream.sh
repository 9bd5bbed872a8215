# A two-way table for people is streamed: in markdown 1,001 x 1,000 cells
# (more than the 1,000,000 a table laid out whole could hold), and in text a
# table wider than the page, printed in blocks of columns (each block computed
# again). Every cell is the CSV table's value in whole currency units, every
# row and column where the CSV has it.
f=scenarios/midsize_business_case.csv
big="--vary leads_per_year=20000:30000:10 --vary margin_per_deal=5500:7498:2"
wide="--vary leads_per_year=20000:30000:1000 --vary margin_per_deal=5500:7450:50"
$CRMROI sweep -f markdown $big $f > "$TMPDIR_CASE/big.md" || exit 1
$CRMROI sweep -f csv $big $f > "$TMPDIR_CASE/big.csv" || exit 1
$CRMROI sweep $wide $f > "$TMPDIR_CASE/wide.txt" || exit 1
$CRMROI sweep -f csv $wide $f > "$TMPDIR_CASE/wide.csv" || exit 1
cat "$TMPDIR_CASE/wide.txt"
python3 - "$TMPDIR_CASE" <<'P'
import csv, sys
d = sys.argv[1]
def table(name):
    rows = list(csv.reader(open(f"{d}/{name}.csv")))
    cols = [float(x) for x in rows[0][1:-1]]
    return cols, {float(r[0]): [float(x) for x in r[1:-1]] for r in rows[1:]}
def num(s):
    return float(s.replace(',', '').rstrip('%'))
def check(name, got, cols, want):
    bad = 0
    for r, cells in want.items():
        for c, v in zip(cols, cells):
            g = got.get((r, c))
            if g is None or abs(g - v) > 0.5 + 1e-9 * abs(v):
                bad += 1
    print(f"{name}: {len(got)} cells, {len(want) * len(cols)} in the CSV, {bad} differ")
cols, want = table('big')
got = {}
lines = [l for l in open(f"{d}/big.md") if l.startswith('|')]
head = [num(x) for x in lines[0].strip().strip('|').split('|')[1:]]
for l in lines[2:]:
    cells = [x.strip() for x in l.strip().strip('|').split('|')]
    for c, x in zip(head, cells[1:]):
        got[(num(cells[0]), c)] = num(x)
print(f"markdown: {len(lines) - 2} rows of {len(head)} columns")
check('markdown', got, cols, want)
cols, want = table('wide')
got, head, blocks = {}, None, 0
for l in open(f"{d}/wide.txt"):
    x = l.split()
    if not x:
        head = None
    elif '\\' in l:
        head, blocks = [num(v) for v in x[3:]], blocks + 1
    elif head:
        for c, v in zip(head, x[1:]):
            got[(num(x[0]), c)] = num(v)
print(f"text: {blocks} blocks")
check('text', got, cols, want)
P
