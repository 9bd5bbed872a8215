#!/bin/sh
# Run every test suite: the cmocka unit test programs, the CLI golden tests,
# the documentation tests, the fuzz corpus replay, the fault-injection tests,
# the European spreadsheets (decimal commas) read and written,
# the conformance table of capabilities against outputs and the check of
# the layers of src/ against doc/ARCHITECTURE.md. Each runner
# prints its own summary; the last line adds them up as "N passed, N failed".
#   sh tests/run_all.sh BUILD_DIR
set -u
build=${1:-build}
CRMROI=$(pwd)/$build/crmroi
CAPS=$(pwd)/$build/conformance/capabilities
BUILD=$build
export CRMROI CAPS BUILD
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM
pass=0
fail=0
for t in "$build"/tests/test_*; do
	case $t in *.d) continue ;; esac
	"$t" > "$log" 2>&1
	rc=$?
	cat "$log"
	p=$(sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	f=$(sed -n 's/.*\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
	# A program that crashed or failed without a summary still counts as a failure.
	if [ $rc -ne 0 ] && [ -z "$f" ]; then fail=$((fail + 1)); fi
done
for runner in tests/cli/run.sh tests/docs/check.sh tests/fuzz/replay.sh tests/faults.sh tests/workbook/run.sh tests/decimal/run.sh \
	tests/conformance/run.sh tests/layers/run.sh; do
	sh "$runner" > "$log" 2>&1
	cat "$log"
	line=$(tail -1 "$log")
	p=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed/\1/p')
	f=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed/\2/p')
	if [ -z "$p" ]; then fail=$((fail + 1)); else pass=$((pass + p)); fail=$((fail + f)); fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
