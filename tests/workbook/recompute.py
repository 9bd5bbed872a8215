#!/usr/bin/python3
"""Recompute crmroi workbooks with a real spreadsheet engine and compare.

    recompute.py [--only CLASSES] CRMROI SCENARIO...   every figure after recomputation
    recompute.py --live CRMROI SCENARIO NAME=VALUE...  after changing cells in the workbook
    recompute.py --libreoffice CRMROI SCENARIO...      recomputed by LibreOffice

For each scenario, `crmroi workbook` writes the workbook, Gnumeric's
`ssconvert --recalc` recomputes every formula into a new file, and openpyxl
reads the values Gnumeric computed (the cached values in the file are set
to 0 before, so only a recomputation can pass). They are compared with `crmroi run
--format json` on the same scenario: every headline metric, every cash-flow
cell, every line's amount per period and every input's value per period,
to 1e-9 relative (money also to 1e-9 of the size of the case, the sum of
|costs| and |benefits|, so that a cumulative sum near 0 is judged against
the amounts it is made of). The values cached in the workbook as written
(what a viewer that does not recompute shows) are checked the same way. A
metric crmroi reports as missing (no IRR, payback not reached) must be text.
With a tax rate, the after-tax figures too: the Summary's After tax column,
the Cash flow's after-tax rows and the Tax sheet's years. With --only, the
workbook and run both count only those benefit classes.

With --libreoffice, LibreOffice (soffice, headless) recomputes instead of
Gnumeric. LibreOffice recomputes an OOXML file on load only when its setting
Calc > Formula > Recalculation on file load > Excel 2007 and newer says so
(the configuration item /org.openoffice.Office.Calc/Formula/Load,
OOXMLRecalcMode: 0 always, 1 never, 2 ask); the test runs it with a profile
of its own in which it is 0.

The live test changes the workbook the way an analyst would (input cells and
settings such as the discount rate, benefit_risk or tax_rate, each
NAME=VALUE through its defined name), recomputes it, and compares with
`crmroi run` on the scenario changed the same way (a scenario that inherits
from it with those rows replaced).

Prints one line per check that fails and, last, "workbook: N passed, N failed".
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import warnings
import zipfile

import openpyxl

warnings.simplefilter("ignore")  # openpyxl: "Workbook contains no default style"

REL = 1e-9

METRICS = [
    ("NPV", "npv"), ("PV of benefits", "pv_benefits"), ("PV of costs", "pv_costs"),
    ("ROI (TEI)", "roi"), ("Benefit-cost ratio", "bcr"), ("IRR", "irr"), ("MIRR", "mirr"),
    ("Payback (months)", "payback_months"),
    ("Discounted payback (months)", "discounted_payback_months"),
    ("Total benefits (undiscounted)", "total_benefits"),
    ("Total costs (undiscounted)", "total_costs"), ("Peak investment", "peak_investment"),
]
MONEY = {"npv", "pv_benefits", "pv_costs", "total_benefits", "total_costs", "peak_investment"}
CASHFLOW = [
    ("Costs (risk-adjusted)", "costs"), ("Benefits (risk-adjusted)", "benefits"),
    ("Net cash flow", "net"), ("Cumulative net cash flow", "cumulative"),
    ("Discount factor", "discount_factor"), ("Present value of the net cash flow", "pv"),
    ("Cumulative present value", "cumulative_pv"),
]
# After tax: the rows of the Cash flow sheet against run's after_tax.periods ...
CASHFLOW_AFTER_TAX = [
    ("Costs after tax", "costs"), ("Benefits after tax", "benefits"),
    ("Net cash flow after tax", "net"), ("Cumulative net cash flow after tax", "cumulative"),
    ("Present value of the net cash flow after tax", "pv"),
    ("Cumulative present value after tax", "cumulative_pv"),
]
# ... and the rows of the Tax sheet against after_tax.years, one column per year.
TAX_YEARS = [
    ("Capitalised spending", "capitalised"),
    ("Profit before depreciation", "profit_before_depreciation"),
    ("Depreciation", "depreciation"), ("Taxable profit", "taxable_profit"),
    ("Losses of earlier years used", "loss_used"),
    ("Losses carried forward at the end of the year", "loss_carried"),
    ("Tax of the year", "tax"), ("Tax paid", "tax_paid"),
    ("Salvage received (untaxed)", "salvage"),
]


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def close(self, where, got, want, scale=0.0):
        if want is None:
            ok = not isinstance(got, (int, float)) or isinstance(got, bool)
            if ok:
                self.passed += 1
            else:
                self.fail(f"{where}: {got!r}, expected no number (crmroi reports none)")
            return
        if not isinstance(got, (int, float)) or isinstance(got, bool):
            self.fail(f"{where}: {got!r}, expected {want!r}")
            return
        tol = REL * max(abs(want), scale)
        if abs(got - want) <= tol:
            self.passed += 1
        else:
            self.fail(f"{where}: {got!r}, expected {want!r} (off by {got - want:.3g}, "
                      f"tolerance {tol:.3g})")

    def fail(self, msg):
        self.failed += 1
        print("FAIL workbook:", msg)


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {r.returncode}: {r.stderr.strip()}")
    return r


ONLY = []   # ["--only", CLASSES] for both crmroi workbook and crmroi run

# The names of the live test that are settings (the others are inputs).
SETTINGS = {"discount_rate", "finance_rate", "reinvest_rate", "benefit_risk", "cost_risk",
            "tax_rate", "tax_lag_years", "tax_losses", "declining_factor"}


def crmroi_json(crmroi, scenario):
    out = run([crmroi, "run", "--format", "json"] + ONLY + [scenario]).stdout
    data = json.loads(out)
    if data["grid"] == "month":
        data = json.loads(run([crmroi, "run", "--format", "json", "--by", "month"] + ONLY +
                              [scenario]).stdout)
    return data


ENGINE = "gnumeric"

LO_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalc(pairs):
    """Recompute each (src, dst): dst is src as the spreadsheet recomputed it."""
    if not pairs:
        return
    if ENGINE == "gnumeric":
        for src, dst in pairs:
            run(["ssconvert", "--recalc", src, dst])
        return
    tmp = os.path.dirname(pairs[0][1])
    profile = os.path.join(tmp, "lo_profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(LO_PROFILE)
    outdir = os.path.join(tmp, "lo_out")
    os.makedirs(outdir, exist_ok=True)
    # One start of LibreOffice for every file: it takes seconds.
    run(["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
         "--convert-to", "xlsx", "--outdir", outdir] + [src for src, _ in pairs])
    for src, dst in pairs:
        os.replace(os.path.join(outdir, os.path.basename(src)), dst)


def find_row(ws, label, col=1):
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, col).value == label:
            return row
    raise KeyError(f"{ws.title}: no row labelled {label!r}")


def find_col(ws, row, label):
    for col in range(1, ws.max_column + 1):
        if ws.cell(row, col).value == label:
            return col
    raise KeyError(f"{ws.title}: no column {label!r} in row {row}")


def compare_after_tax(chk, name, book, data, scale):
    """The after-tax figures: Summary's After tax column, the Cash flow's after-tax rows, Tax."""
    at = data["after_tax"]
    if "Tax" not in book.sheetnames:
        chk.fail(f"{name}: the scenario has a tax rate and the workbook no Tax sheet "
                 f"(after tax, run gives NPV {at['npv']!r})")
        return
    ws = book["Summary"]
    col = find_col(ws, 5, "After tax")   # the header row of the Summary is row 5
    for label, key in METRICS:
        chk.close(f"{name}: Summary {label} after tax", ws.cell(find_row(ws, label), col).value,
                  at.get(key), scale if key in MONEY else 0.0)
    chk.close(f"{name}: Summary tax paid after the horizon",
              ws.cell(find_row(ws, "Tax paid after the horizon (left out)"), col).value,
              at["tax_beyond_horizon"], scale)

    ws = book["Cash flow"]
    c0 = find_col(ws, 4, "Initial")
    for label, key in CASHFLOW_AFTER_TAX:
        row = find_row(ws, label)
        for p, per in enumerate(at["periods"]):
            chk.close(f"{name}: Cash flow {label} month {per['month']}",
                      ws.cell(row, c0 + p).value, per[key], scale)
    for label, key in (("Tolerance after tax: 1e-9 x sum of |net cash flow|", "net"),
                       ("Tolerance after tax (discounted): 1e-9 x sum of |present value|", "pv")):
        want = 1e-9 * sum(abs(p[key]) for p in at["periods"])
        chk.close(f"{name}: Cash flow {label}", ws.cell(find_row(ws, label), c0).value, want)

    ws = book["Tax"]
    for label, key in TAX_YEARS:
        row = find_row(ws, label)
        for y, year in enumerate(at["years"]):
            chk.close(f"{name}: Tax {label} Year {year['year']}", ws.cell(row, 2 + y).value,
                      year[key], scale)
    chk.close(f"{name}: Tax of the horizon's years paid after it",
              ws.cell(find_row(ws, "Tax of the horizon's years paid after it (left out)"), 2).value,
              at["tax_beyond_horizon"], scale)


def compare(chk, name, book, data, labels=None):
    """Compare every figure of an openpyxl workbook (values) with crmroi's JSON."""
    periods = data["periods"]
    np_ = len(periods)
    scale = sum(abs(p["costs"]) + abs(p["benefits"]) for p in periods)
    m = data["metrics"]

    ws = book["Summary"]
    for label, key in METRICS:
        row = find_row(ws, label)
        chk.close(f"{name}: Summary {label}", ws.cell(row, 2).value, m.get(key),
                  scale if key in MONEY else 0.0)
    if "after_tax" in data:
        compare_after_tax(chk, name, book, data, scale)
    elif "Tax" in book.sheetnames:
        chk.fail(f"{name}: a Tax sheet, and the scenario has no tax rate")

    ws = book["Cash flow"]
    c0 = find_col(ws, 4, "Initial")  # the header row of every sheet is row 4
    for label, key in CASHFLOW:
        row = find_row(ws, label)
        for p in range(np_):
            want = periods[p][key]
            chk.close(f"{name}: Cash flow {label} {periods[p]['label']}",
                      ws.cell(row, c0 + p).value, want,
                      0.0 if key == "discount_factor" else scale)

    # The payback tolerance: 1e-9 x the sum of |flows| (crm_payback_compute).
    for label, key in (("Tolerance: 1e-9 x sum of |net cash flow|", "net"),
                       ("Tolerance (discounted): 1e-9 x sum of |present value|", "pv")):
        want = 1e-9 * sum(abs(p[key]) for p in periods)
        chk.close(f"{name}: Cash flow {label}", ws.cell(find_row(ws, label), c0).value, want)

    ws = book["Lines"]
    first = find_row(ws, "Risk-adjusted amount per period") + 1
    c0 = find_col(ws, 4, "Initial")
    for k, line in enumerate(data["lines"]):
        row = first + k
        if ws.cell(row, 1).value != line["name"]:
            chk.fail(f"{name}: Lines row {row} is {ws.cell(row, 1).value!r}, "
                     f"expected {line['name']!r}")
            continue
        for p in range(np_):
            chk.close(f"{name}: Lines {line['name']} {periods[p]['label']}",
                      ws.cell(row, c0 + p).value, line["amounts"][p], scale)

    ws = book["Inputs"]
    value_col = find_col(ws, 4, "Value")
    try:
        c0 = find_col(ws, 4, "Initial")
    except KeyError:
        c0 = None
    for inp in data["inputs"]:
        # The Inputs sheet shows an input's label when it has one (labels: those of the
        # scenario the workbook was written from, when data is a variant's whose rows
        # replaced them whole).
        label = (labels or {}).get(inp["name"]) or inp.get("label")
        row = find_row(ws, label or inp["name"])
        values = inp["values"]
        iscale = max(abs(v) for v in values)
        per_period = c0 is not None and ws.cell(row, c0 + 1).value is not None
        if per_period:
            for p in range(np_):
                chk.close(f"{name}: Inputs {inp['name']} {periods[p]['label']}",
                          ws.cell(row, c0 + p).value, values[p], iscale)
        else:
            chk.close(f"{name}: Inputs {inp['name']}", ws.cell(row, value_col).value,
                      values[0], iscale)


FORMULA_VALUE = re.compile(r'(<c [^>]*?)( t="str")?(><f>[^<]*</f>)<v>[^<]*</v>')


def poison(src, dst):
    """A copy of src with the cached value of every formula cell set to 0.

    A spreadsheet that did not recompute would then show 0s, and fail the
    comparison: the test cannot pass on crmroi's cached values alone.
    """
    total = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text, n = FORMULA_VALUE.subn(r"\1\3<v>0</v>", data.decode("utf-8"))
                total += n
                data = text.encode("utf-8")
            zout.writestr(item, data)
    if total == 0:
        raise ValueError(f"{src}: no formula cells found")


def prepare(chk, crmroi, scenario, tmp):
    """Write the workbook, check its cached values, and zero them for recomputation.

    Returns (zeroed workbook, recomputed workbook to be, crmroi's JSON).
    """
    base = os.path.join(tmp, os.path.basename(scenario).replace(".csv", ""))
    xlsx, zeroed, again = base + ".xlsx", base + "_zeroed.xlsx", base + "_recalc.xlsx"
    run([crmroi, "workbook"] + ONLY + [scenario, "-o", xlsx])
    data = crmroi_json(crmroi, scenario)
    # What a reader that does not recompute sees: the cached values.
    compare(chk, scenario + " (cached)", openpyxl.load_workbook(xlsx, data_only=True), data)
    poison(xlsx, zeroed)
    return zeroed, again, data


def defined_cell(book, name):
    """The (sheet, cell) a workbook-level defined name points to."""
    dn = book.defined_names[name]
    sheet, ref = next(iter(dn.destinations))
    return book[sheet][ref.replace("$", "")]


def scenario_value(value):
    """A value as a scenario file writes it: text as it is, a number exactly."""
    return value if isinstance(value, str) else repr(value)


def check_live(chk, crmroi, scenario, changes, settings, tmp):
    """Change inputs and settings in the workbook; compare with crmroi on the changed scenario."""
    xlsx = os.path.join(tmp, "live.xlsx")
    edited = os.path.join(tmp, "live_edited.xlsx")
    again = os.path.join(tmp, "live_recalc.xlsx")
    run([crmroi, "workbook", scenario, "-o", xlsx])
    book = openpyxl.load_workbook(xlsx)
    for name, value in list(changes.items()) + list(settings.items()):
        defined_cell(book, name).value = value
    book.save(edited)
    recalc([(edited, again)])

    child = os.path.join(tmp, "changed.csv")
    with open(child, "w") as f:
        f.write("kind,name,value\n")
        f.write(f"setting,base,{os.path.abspath(scenario)}\n")
        for name, value in settings.items():
            f.write(f"setting,{name},{scenario_value(value)}\n")
        for name, value in changes.items():
            f.write(f"input,{name},{scenario_value(value)}\n")
    data = crmroi_json(crmroi, child)
    before = crmroi_json(crmroi, scenario)
    def npvs(d):
        return (d["metrics"]["npv"], d.get("after_tax", {}).get("npv"))
    if npvs(data) == npvs(before):
        chk.fail("live: the changes do not move NPV; the test would prove nothing")
    compare(chk, f"{scenario} (changed {', '.join(list(changes) + list(settings))})",
            openpyxl.load_workbook(again, data_only=True), data,
            {i["name"]: i.get("label") for i in before["inputs"]})


def parse_change(text):
    """NAME=VALUE: a number when it reads as one, else text (tax_losses=offset)."""
    name, _, value = text.partition("=")
    try:
        return name, float(value) if "." in value or "e" in value.lower() else int(value)
    except ValueError:
        return name, value


def main(argv):
    global ENGINE, ONLY
    live = argv[1:2] == ["--live"]
    if live:
        argv = argv[1:]
    if argv[1:2] == ["--libreoffice"]:
        ENGINE = "libreoffice"
        argv = argv[1:]
    if argv[1:2] == ["--only"] and len(argv) > 2:
        ONLY = ["--only", argv[2]]
        argv = argv[2:]
    if len(argv) < 3 or (live and len(argv) < 4):
        print(__doc__, file=sys.stderr)
        return 2
    crmroi, scenarios = argv[1], argv[2:]
    chk = Checker()
    with tempfile.TemporaryDirectory() as tmp:
        todo = []
        if live:
            scenarios, changes = scenarios[:1], dict(parse_change(a) for a in scenarios[1:])
        for sc in scenarios:
            try:
                if live:
                    check_live(chk, crmroi, sc,
                               {k: v for k, v in changes.items() if k not in SETTINGS},
                               {k: v for k, v in changes.items() if k in SETTINGS}, tmp)
                else:
                    todo.append((sc,) + prepare(chk, crmroi, sc, tmp))
            except (RuntimeError, KeyError, ValueError, OSError) as e:
                chk.fail(f"{sc}: {e}")
        try:
            recalc([(zeroed, again) for _, zeroed, again, _ in todo])
        except (RuntimeError, OSError) as e:
            chk.fail(str(e))
            todo = []
        for sc, _, again, data in todo:
            try:
                compare(chk, sc, openpyxl.load_workbook(again, data_only=True), data)
            except (KeyError, ValueError, OSError) as e:
                chk.fail(f"{sc}: {e}")
    print(f"workbook: {chk.passed} passed, {chk.failed} failed")
    return 1 if chk.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
