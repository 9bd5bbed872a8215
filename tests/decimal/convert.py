#!/usr/bin/python3
"""Write a CSV file of crmroi (a scenario, an actuals file, an answers file)
as a spreadsheet with a European locale saves it: fields separated by ';',
numbers with a decimal comma, the numbers of plain cells of four or more
digits grouped by dots (45000 as 45.000, 1234.5 as 1.234,5), and a formula's
arguments separated by ';' (min(a, 2.5) as min(a; 2,5)). Text (names,
notes, dates, paths, settings that are not numbers) is kept as it is.

    convert.py IN.csv OUT.csv

This is the independent side of tests/decimal/run.sh: it knows the columns
of the formats from crmroi-scenario(5), not from crmroi's code.
"""
import csv
import re
import sys

# Columns whose cells are numbers, series or formulas (crmroi-scenario(5)).
NUMERIC = {"value", "low", "high", "start", "end", "ramp", "growth", "risk",
           "probability", "life", "salvage", "baseline", "target", "due",
           "adoption", "max_points", "answer"}
NUMBER = re.compile(r"^([+-]?)(\d+)(?:\.(\d*))?([eE][+-]?\d+)?(%?)$")
TOKEN = re.compile(r"(?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(?P<name>[A-Za-z_][A-Za-z_0-9]*)|(?P<other>.)",
                   re.S)


def group(digits):
    """45000 -> 45.000: dots between groups of three."""
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return ".".join(out)


def plain_number(cell):
    """A cell that is one number, as the comma convention writes it; None otherwise."""
    m = NUMBER.match(cell.strip())
    if not m:
        return None
    sign, whole, frac, exp, pct = m.groups()
    # An exponent's mantissa is left ungrouped; a leading 0 is never a group.
    text = whole if exp or whole.startswith("0") else group(whole)
    if frac is not None:
        text += "," + frac
    return sign + text + (exp or "") + pct


def formula(cell):
    """A series or a formula with decimal commas and ';' between arguments."""
    out = []
    for m in TOKEN.finditer(cell):
        if m.group("num"):
            out.append(m.group("num").replace(".", ","))
        elif m.group("name"):
            out.append(m.group("name"))
        else:
            out.append(";" if m.group("other") == "," else m.group("other"))
    return "".join(out)


def convert(cell, column, is_setting):
    if column not in NUMERIC or not cell.strip():
        return cell
    num = plain_number(cell)
    if num is not None:
        return num
    if is_setting or column == "answer":
        return cell          # a title, a path, a date, yes or no
    return formula(cell)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header = None
    with open(dst, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        for row in rows:
            if row and row[0].lstrip().startswith("#"):
                w.writerow([",".join(row)])
                continue
            if header is None:
                if any(c.strip() for c in row):
                    header = [c.strip().lower() for c in row]
                w.writerow(row)
                continue
            kind = row[header.index("kind")].strip().lower() if "kind" in header and \
                header.index("kind") < len(row) else ""
            w.writerow([convert(c, header[i] if i < len(header) else "", kind == "setting")
                        for i, c in enumerate(row)])


main()
