# The template, written whole to a new file; a second run refuses to replace it.
$CRMROI assess --template -o "$TMPDIR_CASE/answers.csv" && cat "$TMPDIR_CASE/answers.csv"
$CRMROI assess --template -o "$TMPDIR_CASE/answers.csv" 2>&1 | sed "s#$TMPDIR_CASE#TMP#g"
