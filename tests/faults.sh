#!/bin/sh
# Fault injection: what crmroi does when the machine works against it. A full
# device, a folder it may not write, a signal in the middle of a long write,
# an output that is a symbolic link or a FIFO, an input that is a FIFO. Each
# case checks the exit status and the files left behind (an earlier output
# untouched, no temporary file). Works as root (CI) and as a user.
#   CRMROI=build/crmroi sh tests/faults.sh
# The last line is "faults: N passed, N failed".
set -u
: "${CRMROI:=$(pwd)/build/crmroi}"
root=$(pwd)
tmp=$(mktemp -d)
pids=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	chmod -R u+w "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
pass=0
fail=0
case_=""

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL faults $case_: $*" >&2; }
# expect WHAT EXPECTED ACTUAL
expect() { if [ "$2" = "$3" ]; then ok; else bad "$1: expected '$2', got '$3'"; fi; }
# Files other than the ones named, in a folder (temporary files left behind).
leftovers() { (cd "$1" && ls -A | grep -v -x -e "$2" -e "${3:-$2}" | tr '\n' ' '); }

tei=$root/scenarios/tei_example.csv
risky=$root/tests/cli/data/risky.csv

# ---- a full device: the write fails, exit 3
case_=full_device
"$CRMROI" run -o /dev/full "$tei" 2>"$tmp/err"
expect "run -o /dev/full: exit" 3 $?
grep -q "No space left" "$tmp/err" && ok || bad "the message does not say why: $(cat "$tmp/err")"
"$CRMROI" simulate -n 100 --sobol 0 --samples /dev/full "$risky" >/dev/null 2>"$tmp/err"
expect "simulate --samples /dev/full: exit" 3 $?
grep -q "^crmroi: /dev/full: cannot write the samples: No space left" "$tmp/err" && ok ||
	bad "--samples: the message does not name the samples file and why: $(cat "$tmp/err")"
# The report is larger than stdio's buffer: the reason of the first failed write is kept.
"$CRMROI" report -o /dev/full "$tei" 2>"$tmp/err"
expect "report -o /dev/full: exit" 3 $?
grep -q "No space left" "$tmp/err" && ok || bad "report: the message does not say why: $(cat "$tmp/err")"
"$CRMROI" workbook -o /dev/full "$tei" 2>"$tmp/err"
expect "workbook -o /dev/full: exit" 3 $?
grep -q "No space left" "$tmp/err" && ok || bad "workbook: the message does not say why: $(cat "$tmp/err")"
[ "$(wc -l < "$tmp/err")" -eq 1 ] && ok || bad "workbook: more than one message: $(cat "$tmp/err")"
# A two-way data table is streamed by threads: the first failed write stops it.
"$CRMROI" sweep -f csv --vary leads_per_year=20000:29990:10 --vary margin_per_deal=5500:7498:2 \
	"$root/scenarios/midsize_business_case.csv" > /dev/full 2>"$tmp/err"
expect "sweep -f csv > /dev/full: exit" 3 $?
grep -q "No space left" "$tmp/err" && ok || bad "sweep: the message does not say why: $(cat "$tmp/err")"
"$CRMROI" sweep -f json -o /dev/full --vary leads_per_year=20000:29990:10 \
	--vary margin_per_deal=5500:7498:2 "$root/scenarios/midsize_business_case.csv" 2>"$tmp/err"
expect "sweep -f json -o /dev/full: exit" 3 $?
grep -q "No space left" "$tmp/err" && ok || bad "sweep: the message does not say why: $(cat "$tmp/err")"
[ -c /dev/full ] && ok || bad "/dev/full is no longer a device"

# ---- a folder that cannot be written: exit 3, nothing left, an earlier file untouched
case_=unwritable_folder
mkdir "$tmp/ro"
echo "earlier report" > "$tmp/ro/report.txt"
if [ "$(id -u)" -ne 0 ]; then
	chmod 555 "$tmp/ro"
	"$CRMROI" run -o "$tmp/ro/report.txt" "$tei" 2>/dev/null
	expect "run -o into a read-only folder: exit" 3 $?
	expect "the earlier file" "earlier report" "$(cat "$tmp/ro/report.txt")"
	expect "files left" "" "$(leftovers "$tmp/ro" report.txt)"
	chmod 755 "$tmp/ro"
else
	# Root writes anywhere a user may not; /proc refuses even root any new file.
	before=$(cksum < /proc/version)
	"$CRMROI" run -o /proc/version "$tei" 2>/dev/null
	expect "run -o /proc/version: exit" 3 $?
	expect "/proc/version" "$before" "$(cksum < /proc/version)"
fi
# A folder that is a file, and one that does not exist (for root too).
"$CRMROI" run -o "$tmp/ro/report.txt/x.txt" "$tei" 2>/dev/null
expect "run -o under a file: exit" 3 $?
"$CRMROI" run -o "$tmp/missing/report.txt" "$tei" 2>/dev/null
expect "run -o into a missing folder: exit" 3 $?
expect "the earlier file" "earlier report" "$(cat "$tmp/ro/report.txt")"
expect "files left" "" "$(leftovers "$tmp/ro" report.txt)"

# ---- a signal in the middle of a long write: the temporary file is removed
# and the process dies of the signal (exit status 128 + its number).
# signal_test NAME SIGNAL NUMBER COMMAND...: run COMMAND writing into
# $tmp/sig, send SIGNAL once its temporary file exists.
signal_test() {
	name=$1 sig=$2 num=$3
	shift 3
	rm -rf "$tmp/sig"
	mkdir "$tmp/sig"
	echo "earlier" > "$tmp/sig/out.csv"
	"$@" 2>/dev/null &
	pid=$!
	pids="$pids $pid"
	i=0
	while [ $i -lt 200 ] && [ -z "$(leftovers "$tmp/sig" out.csv)" ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ -n "$(leftovers "$tmp/sig" out.csv)" ] || bad "$name: no temporary file appeared"
	sleep 0.2
	kill -"$sig" "$pid"
	wait "$pid" 2>/dev/null
	expect "$name: exit status after SIG$sig" $((128 + num)) $?
	expect "$name: files left after SIG$sig" "" "$(leftovers "$tmp/sig" out.csv)"
	expect "$name: the earlier file" "earlier" "$(cat "$tmp/sig/out.csv")"
}
case_=signal
signal_test "simulate --samples" TERM 15 \
	"$CRMROI" simulate -n 3000000 -j 1 --sobol 0 --samples "$tmp/sig/out.csv" -o /dev/null "$risky"
signal_test "simulate --samples" HUP 1 \
	"$CRMROI" simulate -n 3000000 -j 1 --sobol 0 --samples "$tmp/sig/out.csv" -o /dev/null "$risky"
# A job started with & ignores SIGINT; this one is started with it at its default.
signal_test "simulate --samples" INT 2 \
	/usr/bin/python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
	"$CRMROI" simulate -n 3000000 -j 1 --sobol 0 --samples "$tmp/sig/out.csv" -o /dev/null "$risky"
signal_test "sweep -o" TERM 15 \
	"$CRMROI" sweep -f csv --vary discount_rate=0:2999999:1 -o "$tmp/sig/out.csv" "$tei"
# A two-way table streamed by two threads while the signal arrives.
signal_test "sweep two-way -o" TERM 15 \
	"$CRMROI" sweep -f csv --jobs 2 --vary leads_per_year=1:50000:1 --vary margin_per_deal=1:1000:1 \
	-o "$tmp/sig/out.csv" "$root/scenarios/midsize_business_case.csv"
# The workbook: libxlsxwriter writes the temporary file the output sink made.
awk 'BEGIN { print "kind,name,value,timing"; print "setting,horizon_years,10";
	print "setting,period,month"; for (i = 0; i < 3000; i++) printf "benefit,Line %d,%d,monthly\n", i, i + 1 }' \
	> "$tmp/wide.csv"
signal_test "workbook -o" TERM 15 "$CRMROI" workbook -o "$tmp/sig/out.csv" "$tmp/wide.csv"

# ---- an output that is a symbolic link: the link stays, its target is
# replaced and keeps its mode; a new file gets 0666 less the umask.
case_=symlink_output
mkdir "$tmp/ln"
echo "earlier" > "$tmp/ln/target.txt"
chmod 640 "$tmp/ln/target.txt"
ln -s target.txt "$tmp/ln/link.txt"
"$CRMROI" run -f csv -o "$tmp/ln/link.txt" "$tei"
expect "run -o link: exit" 0 $?
[ -L "$tmp/ln/link.txt" ] && ok || bad "the link was replaced by a file"
expect "the link points to" target.txt "$(readlink "$tmp/ln/link.txt")"
expect "the target's first field" section "$(head -c 7 "$tmp/ln/target.txt")"
expect "the target's mode" 640 "$(stat -c %a "$tmp/ln/target.txt")"
expect "files left" "" "$(leftovers "$tmp/ln" target.txt link.txt)"
# A link to a file not there yet creates the file at the link's target.
ln -s made.txt "$tmp/ln/new.txt"
(umask 027 && "$CRMROI" run -o "$tmp/ln/new.txt" "$tei")
expect "run -o dangling link: exit" 0 $?
[ -L "$tmp/ln/new.txt" ] && [ -f "$tmp/ln/made.txt" ] && ok || bad "the dangling link was not followed"
expect "a new file's mode with umask 027" 640 "$(stat -c %a "$tmp/ln/made.txt")"
(umask 002 && "$CRMROI" run -o "$tmp/ln/fresh.txt" "$tei")
expect "a new file's mode with umask 002" 664 "$(stat -c %a "$tmp/ln/fresh.txt")"
chmod 600 "$tmp/ln/fresh.txt"
"$CRMROI" run -o "$tmp/ln/fresh.txt" "$tei"
expect "a replaced file keeps mode 600" 600 "$(stat -c %a "$tmp/ln/fresh.txt")"

# ---- an output that is a FIFO is written into, not replaced
case_=fifo_output
mkfifo "$tmp/out.fifo"
cat "$tmp/out.fifo" > "$tmp/from_fifo" &
reader=$!
pids="$pids $reader"
"$CRMROI" run -f csv -o "$tmp/out.fifo" "$tei"
expect "run -o FIFO: exit" 0 $?
wait "$reader"
[ -p "$tmp/out.fifo" ] && ok || bad "the FIFO was replaced"
expect "what the reader got" section "$(head -c 7 "$tmp/from_fifo")"

# ---- an input that is a FIFO: refused at once (exit 3), no hang
case_=fifo_input
mkfifo "$tmp/in.fifo"
timeout 3 "$CRMROI" run "$tmp/in.fifo" >/dev/null 2>&1
expect "run FIFO: exit" 3 $?
timeout 3 "$CRMROI" run /dev/zero >/dev/null 2>&1
expect "run /dev/zero: exit" 3 $?

# ---- a symbolic link in a shared sticky folder (/tmp): followed only when it is
# ours or the folder owner's, as the kernel's protected_symlinks rule does
case_=shared_folder_link
mkdir -p "$tmp/shared" && chmod 1777 "$tmp/shared"
echo "mine, unchanged" > "$tmp/precious.csv"
ln -s "$tmp/precious.csv" "$tmp/shared/own.csv"
"$CRMROI" run -f csv -o "$tmp/shared/own.csv" "$tei" 2>"$tmp/err"
expect "run -o own link in a sticky folder: exit" 0 $?
[ -L "$tmp/shared/own.csv" ] && ok || bad "the link was replaced, not its target"
expect "the target written through the link" section "$(head -c 7 "$tmp/precious.csv")"
if [ "$(id -u)" -eq 0 ] && chown -h nobody "$tmp/shared/own.csv" 2>/dev/null; then
	# A link of another user (nobody), in a folder of root's: not followed.
	echo "mine, unchanged" > "$tmp/precious.csv"
	"$CRMROI" run -f csv -o "$tmp/shared/own.csv" "$tei" 2>"$tmp/err"
	expect "run -o another user's link in a sticky folder: exit" 3 $?
	expect "the link's target" "mine, unchanged" "$(cat "$tmp/precious.csv")"
	grep -q "protected_symlinks" "$tmp/err" && ok || bad "the message does not say why: $(cat "$tmp/err")"
	expect "files left in the folder" "" "$(leftovers "$tmp/shared" own.csv)"
	# The same link in a folder that is not shared: followed.
	mkdir -p "$tmp/private" && mv "$tmp/shared/own.csv" "$tmp/private/own.csv"
	"$CRMROI" run -f csv -o "$tmp/private/own.csv" "$tei" 2>"$tmp/err"
	expect "run -o another user's link in a private folder: exit" 0 $?
fi

echo "faults: $pass passed, $fail failed"
[ $fail -eq 0 ]
