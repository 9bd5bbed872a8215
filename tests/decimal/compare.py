#!/usr/bin/python3
"""Whether a CSV written with --decimal-comma holds what the same CSV
written without it holds: read back with its own conventions (fields
separated by ';', numbers with a decimal comma), every cell that is a number
in the plain CSV is the same number, and every other cell the same text.

    compare.py PLAIN.csv COMMA.csv [TEXTCOLUMN...]

TEXTCOLUMN names a column of the first row whose cells are text even when
they read as numbers (run's formula column: a value as its file writes it).
"""
import csv
import re
import sys

POINT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
COMMA = re.compile(r"^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$")


def rows(path, sep):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, delimiter=sep, strict=True))


plain, comma = rows(sys.argv[1], ","), rows(sys.argv[2], ";")
text_cols = {i for i, h in enumerate(plain[0] if plain else []) if h in sys.argv[3:]}
bad, numbers = [], 0
if len(plain) != len(comma):
    bad.append("%d rows and %d rows" % (len(plain), len(comma)))
for i, (a, b) in enumerate(zip(plain, comma)):
    if len(a) != len(b):
        bad.append("row %d: %d fields and %d fields" % (i + 1, len(a), len(b)))
        continue
    for j, (x, y) in enumerate(zip(a, b)):
        if POINT.match(x) and j not in text_cols:
            numbers += 1
            if not COMMA.match(y) or float(x) != float(y.replace(",", ".")):
                bad.append("%d:%d: %r is written %r" % (i + 1, j + 1, x, y))
        elif x != y:
            bad.append("%d:%d: text %r is written %r" % (i + 1, j + 1, x, y))
if not numbers:
    bad.append("no number to compare")
for b in bad[:10]:
    print(b)
sys.exit(1 if bad else 0)
