# A NUL byte inside a field, a FIFO, a device and a directory: refused, never blocking.
printf 'kind,name,value\ncost,A,1\000garbage\n' > "$TMPDIR_CASE/nul.csv"
mkfifo "$TMPDIR_CASE/fifo.csv"
for f in "$TMPDIR_CASE/nul.csv" "$TMPDIR_CASE/fifo.csv" /dev/zero tests; do
	$CRMROI run "$f" 2>"$TMPDIR_CASE/err"
	echo "exit $?"
	sed "s|$TMPDIR_CASE|TMP|" "$TMPDIR_CASE/err" >&2
done
