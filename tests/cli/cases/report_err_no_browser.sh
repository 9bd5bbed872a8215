# --pdf without a browser on PATH: exit 3, the package named, and no file written.
out="$TMPDIR_CASE/case.html"
PATH=/nonexistent $CRMROI report --date 2026-11-30 --no-simulation -o "$out" --pdf "$TMPDIR_CASE/case.pdf" scenarios/tei_example.csv
echo "exit $?"
ls "$TMPDIR_CASE"
