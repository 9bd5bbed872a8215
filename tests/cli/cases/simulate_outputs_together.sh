# --samples and -o are committed together: when the report cannot be written,
# an earlier samples file is untouched and no temporary file is left.
cd "$TMPDIR_CASE" || exit 1
echo "earlier draws" > draws.csv
$CRMROI simulate -n 10 --sobol 0 --samples draws.csv -o missing/report.txt "$OLDPWD/tests/cli/data/risky.csv"
echo "exit $?"
cat draws.csv
ls -A
