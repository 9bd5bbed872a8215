#!/bin/sh
# The seed inputs of a fuzz harness, as directories: what `make fuzz` starts
# from and what tests/fuzz/replay.sh replays (with tests/fuzz/regressions/NAME).
#   sh tests/fuzz/seeds.sh NAME      (NAME as in tests/fuzz/fuzz_NAME.c)
# Harnesses that read a scenario start from every bundled scenario and the
# scenario corpus; the renderers' harnesses also from corpus/render (scenarios
# written by hand whose text tries to break a format) and their own corpus
# (what fuzzing found, merged).
case ${1:?usage: seeds.sh NAME} in
expr | shortest)
	echo "tests/fuzz/corpus/$1" ;;
actuals)
	echo "tests/fuzz/corpus/actuals scenarios/tracking/actuals" ;;
answers)
	echo "tests/fuzz/corpus/answers scenarios/assess" ;;
render_*)
	echo "tests/fuzz/corpus/render tests/fuzz/corpus/$1 tests/fuzz/corpus/scenario scenarios" ;;
*)
	echo "tests/fuzz/corpus/scenario scenarios" ;;
esac
