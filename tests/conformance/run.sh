#!/bin/sh
# The conformance table: every capability of the scenario language in every
# output, or a line saying why an output leaves it out.
#
#   CRMROI=build/crmroi CAPS=build/conformance/capabilities sh tests/conformance/run.sh
#
# tests/conformance/table.tsv has one row per capability and output, tab
# separated: capability, output, then either
#   - the arguments of crmroi, FILE standing for the capability's scenario
#     tests/conformance/data/CAPABILITY.csv, and an extended regular
#     expression that the output must match; or
#   - a "-" and the reason the output leaves the capability out.
# Each test row runs twice: on the capability's scenario, where the output
# must match, and on the plain case tests/conformance/data/plain.csv (the
# control), where it must not, so that a row cannot pass without the
# capability. Both runs must succeed (exit 0): a control that fails proves
# nothing. The capabilities come from the library
# (crm_scenario_capabilities): one added there without its rows here fails,
# and so does a scenario that does not use the capability it stands for.
# The outputs are listed below; report is read as the text of its HTML,
# workbook as the text of its sheets' XML.
#
# The last line is "conformance: N passed, N failed".
set -u
: "${CRMROI:=$(pwd)/build/crmroi}"
: "${CAPS:=$(pwd)/build/conformance/capabilities}"
dir=tests/conformance
table=$dir/table.tsv
outputs="run-text run-csv run-json run-markdown compare batch tornado spider sweep breakeven voi
simulate report workbook track"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
bad() { echo "FAIL $*" >&2; fail=$((fail + 1)); }

# Run crmroi with args (FILE replaced by $2): what the output says on
# standard output, and the exit status in $tmp/rc.
show() {
	a=$(printf '%s' "$1" | sed "s|FILE|$2|g")
	case $3 in
	report)
		# shellcheck disable=SC2086
		"$CRMROI" $a -o "$tmp/doc.html" >/dev/null 2>"$tmp/err"
		echo $? > "$tmp/rc"
		[ ! -f "$tmp/doc.html" ] || sed 's/<[^>]*>/ /g' "$tmp/doc.html"
		rm -f "$tmp/doc.html" ;;
	workbook)
		# shellcheck disable=SC2086
		"$CRMROI" $a -o "$tmp/book.xlsx" >/dev/null 2>"$tmp/err"
		echo $? > "$tmp/rc"
		[ ! -f "$tmp/book.xlsx" ] || /usr/bin/python3 - "$tmp/book.xlsx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in sorted(z.namelist()):
    if n.endswith(".xml") and ("sheet" in n or "sharedStrings" in n or "workbook" in n
                               or "comments" in n):
        print(n, re.sub(r"<[^>]*>", " ", z.read(n).decode()))
PY
		rm -f "$tmp/book.xlsx" ;;
	*)
		# shellcheck disable=SC2086
		"$CRMROI" $a 2>"$tmp/err"
		echo $? > "$tmp/rc" ;;
	esac
}

caps=$("$CAPS") || { echo "conformance: the capabilities helper failed"; exit 1; }
for cap in $caps; do
	scen=$dir/data/$cap.csv
	if [ ! -f "$scen" ]; then
		bad "$cap: no scenario $scen"
		continue
	fi
	uses=$("$CAPS" "$scen" | cut -f2)
	case " $uses " in
	*" $cap "*) ;;
	*) bad "$cap: $scen does not use $cap (it uses: $uses)" ;;
	esac
	for out in $outputs; do
		rows=$(awk -F'\t' -v c="$cap" -v o="$out" '$1 == c && $2 == o' "$table")
		n=$(printf '%s' "$rows" | grep -c .)
		if [ "$n" != 1 ]; then
			bad "$cap x $out: $n rows in $table (one needed: a test or the reason it is left out)"
			continue
		fi
		args=$(printf '%s' "$rows" | cut -f3)
		what=$(printf '%s' "$rows" | cut -f4)
		if [ -z "$what" ]; then
			bad "$cap x $out: the row has no pattern or reason"
			continue
		fi
		if [ "$args" = "-" ]; then
			pass=$((pass + 1))
			continue
		fi
		show "$args" "$scen" "$out" > "$tmp/out"
		rc=$(cat "$tmp/rc")
		show "$args" "$dir/data/plain.csv" "$out" > "$tmp/control"
		crc=$(cat "$tmp/rc")
		if [ "$rc" != 0 ]; then
			bad "$cap x $out: crmroi $args exits $rc: $(head -1 "$tmp/err")"
		elif [ "$crc" != 0 ]; then
			bad "$cap x $out: on the plain case crmroi $args exits $crc, so the control proves nothing: $(head -1 "$tmp/err")"
		elif ! grep -Eq -- "$what" "$tmp/out"; then
			bad "$cap x $out: crmroi $args does not show /$what/"
			head -20 "$tmp/out" | sed 's/^/  | /' >&2
		elif grep -Eq -- "$what" "$tmp/control"; then
			bad "$cap x $out: /$what/ is in the plain case's output too: the row cannot fail"
		else
			pass=$((pass + 1))
		fi
	done
done
# Rows for capabilities or outputs that do not exist are mistakes too.
awk -F'\t' '!/^#/ && NF' "$table" | while IFS='	' read -r cap out rest; do
	case " $(echo $caps) " in *" $cap "*) ;; *) echo "unknown capability '$cap'";; esac
	case " $(echo $outputs) " in *" $out "*) ;; *) echo "unknown output '$out'";; esac
done > "$tmp/unknown"
while read -r line; do bad "$table: $line"; done < "$tmp/unknown"
echo "conformance: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
