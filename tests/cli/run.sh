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
# The last line is "N passed, N failed".
set -u
: "${CRMROI:=$(pwd)/build/crmroi}"
export CRMROI
cases=tests/cli/cases
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
done
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
