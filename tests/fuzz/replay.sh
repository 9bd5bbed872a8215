#!/bin/sh
# Replay the fuzz corpus under AddressSanitizer and UndefinedBehaviorSanitizer:
# every bundled scenario, the seed corpus and every past crash input
# (tests/fuzz/regressions/NAME) through each harness once, with the replay
# programs `make fuzz-replay` builds in build-replay/. Deterministic: no
# fuzzing, no randomness. The last line is "fuzz: N passed, N failed", N
# counting inputs.
#   sh tests/fuzz/replay.sh
set -u
bin=${REPLAY_DIR:-build-replay}
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM
pass=0
fail=0
for h in tests/fuzz/fuzz_*.c; do
	n=$(basename "$h" .c)
	n=${n#fuzz_}
	if [ "$n" = expr ] || [ "$n" = shortest ]; then
		seeds="tests/fuzz/corpus/$n"
	else
		seeds="tests/fuzz/corpus/scenario scenarios"
	fi
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
