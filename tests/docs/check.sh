#!/bin/sh
# Documentation tests:
#  - every option that --help and 'crmroi help COMMAND' show is in crmroi(1),
#    and every option crmroi(1) documents is in some help text;
#  - every command of the command table has its entry in crmroi(1);
#  - the examples of crmroi(1) run and succeed;
#  - the example scenario of crmroi-scenario(5) loads;
#  - the README's console examples run and print exactly what the README shows.
# The last line is "docs: N passed, N failed".
set -u
: "${CRMROI:=$(pwd)/build/crmroi}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL docs: $*" >&2; }

# Man pages with roff escapes for '-' removed, for plain-text searching.
sed 's/\\-/-/g; s/\\f[BIR]//g' man/crmroi.1 > "$tmp/man1"
sed 's/\\-/-/g' man/crmroi-scenario.5 > "$tmp/man5"

commands=$("$CRMROI" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && $1 != "Commands:" {print $1}')
{
	"$CRMROI" --help
	for c in $commands; do "$CRMROI" help "$c"; done
} > "$tmp/help"

# Options in help -> man page.
for opt in $(grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z-]*' "$tmp/help" | tr -d ' ,' | sort -u); do
	if grep -qE -- "(^|[^A-Za-z-])$opt([^A-Za-z-]|\$)" "$tmp/man1"; then ok; else bad "option $opt is in --help but not in man/crmroi.1"; fi
done
# Options in the man page's OPTIONS section -> help.
for opt in $(sed -n '/^\.SH OPTIONS/,/^\.SH OUTPUT/p' "$tmp/man1" | grep -oE '(^|[ "])--?[A-Za-z][A-Za-z-]*' | tr -d ' "' | sort -u); do
	if grep -qE -- "(^|[^A-Za-z-])$opt([^A-Za-z-]|\$)" "$tmp/help"; then ok; else bad "option $opt is in man/crmroi.1 but in no --help"; fi
done
# Commands -> man page.
for c in $commands; do
	if grep -q "^\.B $c" man/crmroi.1; then ok; else bad "command $c has no entry in man/crmroi.1"; fi
done

# Examples of crmroi(1).
sed -n '/^\.EX/,/^\.EE/p' "$tmp/man1" | grep '^\$ crmroi ' | sed 's/^\$ crmroi //' > "$tmp/man_examples"
[ -s "$tmp/man_examples" ] || bad "no examples found in man/crmroi.1"
while IFS= read -r args; do
	if eval "\"\$CRMROI\" $args" > /dev/null 2> "$tmp/err"; then ok; else bad "man example 'crmroi $args' failed: $(cat "$tmp/err")"; fi
done < "$tmp/man_examples"

# The example scenario of crmroi-scenario(5).
sed -n '/^\.SH EXAMPLE/,/^\.SH FILES/p' "$tmp/man5" | sed -n '/^\.EX/,/^\.EE/p' | sed '1d;$d' > "$tmp/example.csv"
if "$CRMROI" check "$tmp/example.csv" > /dev/null 2> "$tmp/err"; then ok; else bad "crmroi-scenario(5) example: $(cat "$tmp/err")"; fi

# README console blocks: "$ ./crmroi ..." lines followed by the output they print.
awk -v dir="$tmp" '
	/^```console/ { inblock = 1; next }
	/^```/ && inblock { inblock = 0; next }
	inblock && /^\$ / { n++; cmd = dir "/readme_" n ".cmd"; out = dir "/readme_" n ".out";
		sub(/^\$ /, ""); print > cmd; close(cmd); printf "" > out; next }
	inblock && n { print >> out }
' README.md
for cmd in "$tmp"/readme_*.cmd; do
	[ -e "$cmd" ] || { bad "no console examples in README.md"; break; }
	want=${cmd%.cmd}.out
	line=$(cat "$cmd")
	run=$(printf '%s' "$line" | sed "s#^\./crmroi#\"\$CRMROI\"#")
	# CSV output ends lines with CRLF; the README, a text document, does not.
	( eval "$run" ) 2>&1 | tr -d '\r' > "$tmp/got"
	if cmp -s "$tmp/got" "$want"; then ok; else
		bad "README example '$line' prints something else:"
		diff -u "$want" "$tmp/got" | head -20 >&2
	fi
done

echo "docs: $pass passed, $fail failed"
[ $fail -eq 0 ]
