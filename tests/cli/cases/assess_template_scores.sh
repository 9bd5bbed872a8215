# An empty template scores 0 with every criterion listed as unanswered;
# --strict refuses it.
$CRMROI assess --template -o "$TMPDIR_CASE/a.csv"
$CRMROI assess -f csv "$TMPDIR_CASE/a.csv" 2>/dev/null | head -4 | sed "s#$TMPDIR_CASE#TMP#g"
$CRMROI assess --strict "$TMPDIR_CASE/a.csv" 2>&1 >/dev/null | head -3 | sed "s#$TMPDIR_CASE#TMP#g"
