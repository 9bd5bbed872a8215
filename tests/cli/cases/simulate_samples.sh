out="$TMPDIR_CASE/draws.csv"; $CRMROI simulate -n 10 --sobol 0 --samples "$out" -f csv tests/cli/data/risky.csv > /dev/null; echo "exit $?"; cat "$out"
