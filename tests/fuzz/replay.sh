#!/bin/sh
# Replay the fuzz corpus under AddressSanitizer and UndefinedBehaviorSanitizer:
# each harness's seeds (tests/fuzz/seeds.sh NAME: the bundled scenarios,
# actuals or answers files and the seed corpus) and every past crash input
# (tests/fuzz/regressions/NAME) through each harness once, with the replay
# programs `make fuzz-replay` builds in build-replay/. Deterministic: no
# fuzzing, no randomness. First, the checks of an output's form that the
# renderers' harnesses make (outcheck.h) are tested on outputs made well and
# badly (outcheck_test.c). The last line is "fuzz: N passed, N failed", N
# counting inputs and those cases.
#   sh tests/fuzz/replay.sh
set -u
bin=${REPLAY_DIR:-build-replay}
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM
pass=0
fail=0
if [ ! -x "$bin/outcheck_test" ]; then
	echo "FAIL fuzz outcheck: $bin/outcheck_test is missing (make fuzz-replay)" >&2
	fail=$((fail + 1))
elif "$bin/outcheck_test" >"$log" 2>&1; then
	pass=$((pass + $(sed -n 's/^outcheck: \([0-9]*\) passed, 0 failed$/\1/p' "$log")))
else
	echo "FAIL fuzz outcheck: a check of an output's form misjudged an output:" >&2
	tail -40 "$log" >&2
	fail=$((fail + 1))
fi
for h in tests/fuzz/fuzz_*.c; do
	n=$(basename "$h" .c)
	n=${n#fuzz_}
	seeds=$(sh tests/fuzz/seeds.sh "$n")
	# File names hold no blanks (checked here, so that word splitting is safe).
	files=$(find $seeds "tests/fuzz/regressions/$n" -type f ! -name '.*' 2>/dev/null | sort)
	count=$(echo "$files" | grep -c .)
	if [ ! -x "$bin/replay_$n" ]; then
		echo "FAIL fuzz $n: $bin/replay_$n is missing (make fuzz-replay)" >&2
		fail=$((fail + 1))
		continue
	fi
	if echo "$files" | grep -q '[[:space:]]'; then
		echo "FAIL fuzz $n: a corpus file name holds a blank" >&2
		fail=$((fail + 1))
		continue
	fi
	# shellcheck disable=SC2086
	if "$bin/replay_$n" $files >"$log" 2>&1; then
		pass=$((pass + count))
	else
		echo "FAIL fuzz $n: a sanitizer or the harness stopped the replay:" >&2
		tail -40 "$log" >&2
		fail=$((fail + 1))
	fi
done
echo "fuzz: $pass passed, $fail failed"
