#!/usr/bin/python3
"""Whether a spreadsheet opened every number of a CSV as a number: the
workbook SHEET.xlsx (LibreOffice's import of the --decimal-comma CSV with a
German locale) against PLAIN.csv (the same output without --decimal-comma).
Every cell that is a number in PLAIN.csv must be a number in the sheet, equal
to 15 significant digits (what a spreadsheet keeps).

    sheet.py PLAIN.csv SHEET.xlsx [TEXTCOLUMN...]
"""
import csv
import re
import sys
import warnings

import openpyxl

warnings.simplefilter("ignore")
POINT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
REL = 1e-15 * 10   # 15 significant digits, and the last one's rounding

with open(sys.argv[1], newline="", encoding="utf-8") as f:
    plain = list(csv.reader(f))
ws = openpyxl.load_workbook(sys.argv[2], read_only=True).active
sheet = [list(r) for r in ws.iter_rows(values_only=True)]
text_cols = {i for i, h in enumerate(plain[0] if plain else []) if h in sys.argv[3:]}
bad, numbers = [], 0
for i, row in enumerate(plain):
    for j, x in enumerate(row):
        if not POINT.match(x) or j in text_cols:
            continue
        numbers += 1
        y = sheet[i][j] if i < len(sheet) and j < len(sheet[i]) else None
        v = float(x)
        if isinstance(y, bool) or not isinstance(y, (int, float)):
            bad.append("%d:%d: %s came out as %r" % (i + 1, j + 1, x, y))
        elif abs(y - v) > REL * abs(v):
            bad.append("%d:%d: %s came out as %r" % (i + 1, j + 1, x, y))
if not numbers:
    bad.append("no number to compare")
for b in bad[:10]:
    print(b)
sys.exit(1 if bad else 0)
