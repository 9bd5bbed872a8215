# crmroi completion bash writes a bash completion script from the command and
# option tables: it completes commands, a command's options, the words an
# option takes (formats, classes after a comma, metrics, --color), and files.
# Each line below is the words typed, then what TAB offers.
s=$TMPDIR_CASE/crmroi.bash
$CRMROI completion bash > "$s" || echo "no script"
bash -n "$s" && echo "bash reads it"
mkdir -p "$TMPDIR_CASE/files" && touch "$TMPDIR_CASE/files/case.csv" "$TMPDIR_CASE/files/cases.txt"
try() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _crmroi
		printf "%s" "$*:"; printf " %s" "${COMPREPLY[@]}"; echo' sh "$s" "$@"
}
try crmroi si
try crmroi ''
try crmroi simulate --dr
try crmroi run -f ''
try crmroi batch -f ''
try crmroi run --only 'cash,cost_'
try crmroi tornado --metric 'npv,ir'
try crmroi compare --rank after_tax_n
try crmroi run --color ''
try crmroi report --paper ''
try crmroi run --format = c
try crmroi help tr
try crmroi simulate -n ''
(cd "$TMPDIR_CASE/files" && try crmroi run cas)
$CRMROI completion zsh
echo "exit $?"
# make install puts it where bash-completion looks for it.
make -n -s install DESTDIR=/dest PREFIX=/usr 2>/dev/null | grep -o 'crmroi.bash /dest/usr/share/bash-completion/completions/crmroi'
