out="$TMPDIR_CASE/all.csv"; $CRMROI batch -o "$out" scenarios/deployment; echo "exit $?"; wc -l < "$out"
