#!/bin/sh
# European spreadsheets: files with ';' between fields and decimal commas.
#  - reading: every bundled scenario, actuals and answers file and every
#    scenario of the conformance table, written as a spreadsheet with a
#    European locale saves it (tests/decimal/convert.py: ';', 1.234,56,
#    min(a; 2,5)), gives the same figures as the file itself (JSON of run,
#    track and assess, tests/decimal/samejson.py), with one note per file;
#  - writing: every CSV output (run, compare, batch, tornado, spider, sweep,
#    breakeven, simulate and its --samples file, track, assess and its
#    template) with --decimal-comma, read back with its own conventions,
#    holds the numbers and text of the same output without it
#    (tests/decimal/compare.py); the template written so is read back by
#    assess;
#  - a spreadsheet: LibreOffice opens those files as a German Excel does
#    (';' between fields, language de-DE) and every number comes out as a
#    number (tests/decimal/sheet.py). Skipped with a notice where LibreOffice
#    is not installed. Gnumeric's ssconvert is not used: it reads a CSV with
#    ',' or a tab between fields and has no option for ';'.
# The last line is "decimal: N passed, N failed".
set -u
: "${CRMROI:=$(pwd)/build/crmroi}"
PYTHON=/usr/bin/python3
here=tests/decimal
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL decimal: $*" >&2; }

# The first row of a CSV file that is not a comment, one column name a line.
header() { grep -v '^#' "$1" | grep -v '^[;,]*\r\{0,1\}$' | head -1 | tr -d '\r' | tr ',;' '\n\n'; }

# ---------------------------------------------------------------- reading
# The bundled files and the conformance scenarios, converted beside each other
# (a base and a readiness file are named by relative paths).
for f in $(find scenarios tests/conformance/data -name '*.csv' | LC_ALL=C sort); do
	mkdir -p "$tmp/eu/$(dirname "$f")"
	$PYTHON $here/convert.py "$f" "$tmp/eu/$f" || bad "convert.py $f"
done

# same WHAT ARGS...: crmroi ARGS on the files and on their converted copies
# (EU/ in ARGS stands for the copies' root, "" for the originals) give the
# same exit status and the same figures in JSON, and the copies one note each.
same() {
	what=$1
	shift
	orig=$(echo "$*" | sed "s|EU/||g")
	conv=$(echo "$*" | sed "s|EU/|$tmp/eu/|g")
	# shellcheck disable=SC2086
	"$CRMROI" $orig > "$tmp/a.json" 2> "$tmp/a.err"
	rc_a=$?
	# shellcheck disable=SC2086
	"$CRMROI" $conv > "$tmp/b.json" 2> "$tmp/b.err"
	rc_b=$?
	if [ $rc_a != $rc_b ]; then
		bad "$what: exit status $rc_a, and $rc_b when converted"
		sed 's/^/  /' "$tmp/b.err" >&2
		return
	fi
	if $PYTHON $here/samejson.py "$tmp/a.json" "$tmp/b.json" > "$tmp/diff"; then ok; else
		bad "$what: the converted files give other figures"
		sed 's/^/  /' "$tmp/diff" "$tmp/b.err" >&2
	fi
	# One note for each converted file read, and the warnings of the original.
	notes=$(grep -c ': note: read as a spreadsheet with a European locale saves CSV' "$tmp/b.err")
	files=$(for a in $conv; do case $a in "$tmp"/*) echo "$a" ;; esac; done | wc -l)
	if [ "$notes" -ge "$files" ]; then ok; else bad "$what: $notes notes for $files files"; fi
	if [ "$(grep -c ': warning: ' "$tmp/a.err")" = "$(grep -c ': warning: ' "$tmp/b.err")" ]; then ok; else
		bad "$what: other warnings when converted"
		sed 's/^/  /' "$tmp/a.err" "$tmp/b.err" >&2
	fi
}

n=0
for f in $(find scenarios tests/conformance/data -name '*.csv' | LC_ALL=C sort); do
	h=$(header "$f")
	if echo "$h" | grep -qx kind && ! echo "$h" | grep -qx period; then
		same "run $f" run -f json "EU/$f"
		n=$((n + 1))
	fi
done
if [ $n -ge 40 ]; then ok; else bad "only $n scenarios read"; fi
same "track" track -f json EU/scenarios/tracking/plan.csv $(ls scenarios/tracking/actuals/*.csv | sed 's|^|EU/|')
same "track (conformance)" track -f json EU/tests/conformance/data/plain.csv EU/tests/conformance/data/actuals.csv
same "assess" assess -f json EU/scenarios/assess/before.csv EU/scenarios/assess/midway.csv
same "assess (conformance)" assess -f json EU/tests/conformance/data/answers.csv

# ---------------------------------------------------------------- writing
mid=scenarios/midsize_business_case.csv
tei=scenarios/tei_example.csv
mkdir "$tmp/out"
# out NAME ARGS...: crmroi ARGS, with and without --decimal-comma.
out() {
	name=$1
	shift
	"$CRMROI" "$@" > "$tmp/out/$name.plain.csv" 2> /dev/null || bad "$name: crmroi $* failed"
	"$CRMROI" "$@" --decimal-comma > "$tmp/out/$name.csv" 2> /dev/null || bad "$name: crmroi $* --decimal-comma failed"
}
out run run -f csv "$mid"
out run_month run -f csv --by month scenarios/cfo/dated.csv
out run_only run -f csv --only cash "$mid"
out run_after_tax run -f csv scenarios/cfo/after_tax.csv
out run_many run -f csv "$mid" "$tei"
out compare compare -f csv "$mid" scenarios/assess/business_case.csv "$tei"
out batch batch scenarios
out batch_tornado batch --analysis tornado scenarios/deployment
out batch_breakeven batch --analysis breakeven scenarios/deployment
out batch_simulate batch --analysis simulate -n 500 scenarios/deployment
out tornado tornado -f csv "$mid"
out spider spider -f csv "$mid"
out sweep sweep -f csv --vary adoption=0.5:0.9:0.05 "$mid"
out sweep2 sweep -f csv --vary adoption=0.5:0.9:0.1 --vary discount_rate=0.06:0.14:0.02 "$mid"
out breakeven breakeven -f csv "$mid"
out simulate simulate -f csv -n 1000 --sobol 512 "$mid"
out track track -f csv scenarios/tracking/plan.csv scenarios/tracking/actuals/*.csv
out assess assess -f csv scenarios/assess/before.csv scenarios/assess/midway.csv
"$CRMROI" simulate -n 1000 --sobol 0 --samples "$tmp/out/samples.plain.csv" "$mid" > /dev/null 2>&1
"$CRMROI" simulate -n 1000 --sobol 0 --samples "$tmp/out/samples.csv" --decimal-comma "$mid" > /dev/null 2>&1
"$CRMROI" assess --template -o "$tmp/out/template.plain.csv"
"$CRMROI" assess --template --decimal-comma -o "$tmp/out/template.csv"
for f in "$tmp"/out/*.plain.csv; do
	name=$(basename "$f" .plain.csv)
	# run's formula column is a value as its scenario writes it: text.
	if $PYTHON $here/compare.py "$f" "$tmp/out/$name.csv" formula > "$tmp/diff"; then ok; else
		bad "$name: the CSV with --decimal-comma does not read back as the CSV without it"
		sed 's/^/  /' "$tmp/diff" >&2
	fi
done
# The template read back by assess: what it says of the plain one, with a note.
"$CRMROI" assess -f json "$tmp/out/template.plain.csv" > "$tmp/a.json" 2> /dev/null
"$CRMROI" assess -f json "$tmp/out/template.csv" > "$tmp/b.json" 2> "$tmp/b.err"
if $PYTHON $here/samejson.py "$tmp/a.json" "$tmp/b.json" > "$tmp/diff" &&
   grep -q 'template.csv:3: note: read as a spreadsheet with a European locale' "$tmp/b.err"; then ok; else
	bad "assess does not read its template written with --decimal-comma"
	sed 's/^/  /' "$tmp/diff" "$tmp/b.err" >&2
fi

# ------------------------------------------------------------ a spreadsheet
if command -v soffice > /dev/null; then
	# CSV import: ';' (59) between fields, '"' (34) quotes, UTF-8 (76), from
	# row 1, the language German (Germany) (1031) for numbers.
	(cd "$tmp/out" && soffice -env:UserInstallation="file://$tmp/lo" --headless \
		--infilter="CSV:59,34,76,1,,1031" --convert-to xlsx --outdir "$tmp/xlsx" \
		$(ls ./*.csv | grep -v '\.plain\.csv$') > "$tmp/soffice.log" 2>&1)
	for f in "$tmp"/out/*.plain.csv; do
		name=$(basename "$f" .plain.csv)
		if [ ! -f "$tmp/xlsx/$name.xlsx" ]; then
			bad "$name: LibreOffice did not open it"
			sed 's/^/  /' "$tmp/soffice.log" >&2
		elif $PYTHON $here/sheet.py "$f" "$tmp/xlsx/$name.xlsx" formula > "$tmp/diff"; then ok; else
			bad "$name: a German spreadsheet does not read its numbers as numbers"
			sed 's/^/  /' "$tmp/diff" >&2
		fi
	done
else
	echo "decimal: LibreOffice (soffice) is not installed: the spreadsheet's import is not checked" >&2
fi

echo "decimal: $pass passed, $fail failed"
[ $fail -eq 0 ]
