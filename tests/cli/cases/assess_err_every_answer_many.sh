# More than 50 bad rows: the first 50 are listed, then the number of them all.
# PS1 with a bad answer, then 59 times more (each one answered twice).
f=$TMPDIR_CASE/many.csv
echo "id,answer" > "$f"
i=0
while [ $i -lt 60 ]; do echo "PS1,maybe" >> "$f"; i=$((i + 1)); done
$CRMROI assess "$f" 2> "$TMPDIR_CASE/err"
echo "exit $?"
grep -c . "$TMPDIR_CASE/err"
sed "s|$TMPDIR_CASE/||" "$TMPDIR_CASE/err" | sed -n '1,2p;50,$p'
