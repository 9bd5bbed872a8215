#!/bin/sh
# Golden tests for the crmroi command line.
#
# Each tests/cli/cases/NAME.sh is a shell snippet run from the project root
# with $CRMROI set to the binary under test. Its standard output, standard
# error and exit status must equal NAME.out, NAME.err and NAME.rc.
#
#   sh tests/cli/run.sh            run every case
#   sh tests/cli/run.sh NAME...    run some cases
#   REGEN=1 sh tests/cli/run.sh    rewrite the expected files from what runs now
#                                  (review the diff before committing it)
#
# Every expected output also keeps some rules, checked each run: the text
# report of run fits 100 columns, markdown tables follow a blank line, and each
# case that prints numbers contains at least one figure computed independently
# of crmroi (tests/cli/independent.tsv: case, figure as printed or line:WHOLE
# LINE, its source, separated by tabs), so that regenerating the files cannot
# bless a wrong number.
#
# The last line is "N passed, N failed".
set -u
: "${CRMROI:=$(pwd)/build/crmroi}"
export CRMROI
cases=tests/cli/cases
independent=tests/cli/independent.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
if [ $# -gt 0 ]; then
	list=""
	for n in "$@"; do list="$list $cases/$n.sh"; done
else
	list=$(ls $cases/*.sh)
fi
for t in $list; do
	name=${t%.sh}
	base=$(basename "$name")
	TMPDIR_CASE="$tmp/$base"
	mkdir -p "$TMPDIR_CASE"
	export TMPDIR_CASE
	sh "$t" >"$tmp/out" 2>"$tmp/err" </dev/null
	echo $? >"$tmp/rc"
	if [ "${REGEN:-0}" = 1 ]; then
		cp "$tmp/out" "$name.out"
		cp "$tmp/err" "$name.err"
		cp "$tmp/rc" "$name.rc"
	fi
	ok=1
	for k in out err rc; do
		if ! cmp -s "$tmp/$k" "$name.$k"; then
			ok=0
			echo "FAIL $base: $k differs" >&2
			diff -u "$name.$k" "$tmp/$k" 2>&1 | head -30 >&2
		fi
	done
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
	if [ "${REGEN:-0}" = 1 ]; then continue; fi

	# Rules every expected output keeps, whatever it is regenerated from.
	rules=1
	# The text report of run fits 100 columns when standard output is not a
	# terminal (diagnostics caught with 2>&1 aside).
	# A case marked "wider than 100 columns: WHY" is exempt.
	if grep -qE '\$CRMROI"? +run( |$)' "$t" && ! grep -qE -- '(-f|--format)[ =]?(csv|json|markdown|md)' "$t" &&
	   ! grep -q '^# wider than 100 columns: ' "$t"; then
		wide=$(LC_ALL=C.UTF-8 awk '!/^crmroi: / && length($0) > 100 { print FNR": "length($0)" columns"; exit }' "$name.out")
		if [ -n "$wide" ]; then
			echo "FAIL $base: line $wide (at most 100)" >&2
			rules=0
		fi
	fi
	# GitHub-flavoured markdown: a table starts after a blank line.
	if grep -qE -- '(-f|--format)[ =]?(markdown|md)' "$t"; then
		bad=$(awk '/^\|/ && prev != "" && prev !~ /^\|/ { print FNR; exit } { prev = $0 }' "$name.out")
		if [ -n "$bad" ]; then
			echo "FAIL $base: the markdown table at line $bad does not follow a blank line" >&2
			rules=0
		fi
	fi
	# Figures computed independently of crmroi (tests/cli/independent.tsv) appear in the output.
	nfig=0
	while IFS='	' read -r icase ifig isrc; do
		[ "$icase" = "$base" ] || continue
		nfig=$((nfig + 1))
		case $ifig in
		line:*) how=-qxF; ifig=${ifig#line:} ;;   # the whole line
		*) how=-qF ;;
		esac
		if ! grep $how -- "$ifig" "$name.out"; then
			echo "FAIL $base: the independently computed figure '$ifig' ($isrc) is not in the output" >&2
			rules=0
		fi
	done < "$independent"
	if [ $nfig = 0 ] && grep -qE '\$CRMROI"? +(run|compare|tornado|spider|sweep|breakeven|simulate|batch) ' "$t" &&
	   ! grep -qE -- '--help' "$t" && grep -vE '^exit [0-9]+$' "$name.out" | grep -q '[0-9]'; then
		echo "FAIL $base: prints numbers but has no independently computed figure in $independent (add a line: $base, TAB, a figure as printed, TAB, how it was computed)" >&2
		rules=0
	fi
	if [ $rules = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
