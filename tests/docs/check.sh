#!/bin/sh
# Documentation tests:
#  - every option that --help and 'crmroi help COMMAND' show is in crmroi(1),
#    and every option crmroi(1) documents is in some help text;
#  - every command of the command table has its entry in crmroi(1);
#  - the examples of crmroi(1) run, succeed and print an expected figure
#    computed without crmroi;
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
# Each example must print (or write to its -o or --samples file) a figure
# computed without crmroi: tests/cli/indep_model.py (an evaluation written
# from crmroi-scenario(5)), the shared finance oracle, or arithmetic by hand.
expect() {
	case $1 in
	"new --areas lead_management,field_service "*) echo "cost,Implementation,155000," ;;   # by hand: the set-up of lead management 45000 + field service 110000 (areas.c), added up
	"check /tmp/case.csv") echo "ok: 16 inputs, 8 cost lines, 3 benefit lines" ;;   # counted by hand: golive, adoption, 3 + 5 drivers, 6 inputs of the costs; 8 usual costs; 1 + 2 benefits
	"new --from /tmp/case.csv "*) echo "# benefit,Extra deals from faster follow-up,leads_per_year * conversion_uplift * margin_per_deal,,,,,lead_management,yearly,golive + 6," ;;   # by hand: the base's first benefit starts at golive, the example six months later
	"new --list") echo "Benefit areas of crmroi new --areas (11)" ;;   # the 11 documented areas of crmroi-scenario(5)
	"run scenarios/midsize_business_case.csv") echo "1,410,540.97" ;;   # indep_model.py: NPV
	"run --format csv - < scenarios/tei_example.csv") echo "14868.5199098422" ;;   # oracle: NPV of -10000 10000 10000 10000 at 10%
	"run -f csv --decimal-comma scenarios/tei_example.csv") echo "metric;npv;;14868,5199098422" ;;   # oracle: NPV of -10000 10000 10000 10000 at 10%, with a decimal comma
	"run -f json -o /tmp/cases.json "*) echo "123027.798647633" ;;   # oracle: NPV of -250000 150000 x 3 at 10%
	"check scenarios/areas/lead_management.csv "*) echo "ok: 3 inputs, 3 cost lines, 1 benefit line" ;;   # counted in the file
	"run scenarios/deployment/pilot_gate.csv") echo "68,437.83" ;;   # indep_model.py: NPV, the group rollout at 70%
	"run --only cash scenarios/deployment/pilot_gate.csv") echo "-1,064,534.01" ;;   # indep_model.py only=cash: NPV
	"simulate -n 20000 --sobol 0 scenarios/deployment/pilot_gate.csv "*) echo "11 inputs, 1 line value, 0 risk events, 1 gate" ;;   # counted in the files: the 10 lines of group rollout are one gate
	"simulate -n 20000 --sobol 0 --only cash scenarios/deployment/pilot_gate.csv") echo "Benefit classes in the metrics: cash (--only); costs always count" ;;   # crmroi(1): the line --only adds
	"tornado --only cash scenarios/deployment/pilot_gate.csv") echo "Base NPV: -1,064,534." ;;   # indep_model.py only=cash: NPV -1064534.01
	"simulate scenarios/midsize_business_case.csv") echo "19 inputs, 3 line values, 0 risk events" ;;   # counted in the file: rows with low and high
	"plan -o /tmp/plan.csv scenarios/roadmap/midsize_roadmap.csv") echo "659,921" ;;   # indep_model.py scenarios/roadmap/midsize_roadmap.csv: NPV as written
	"run /tmp/plan.csv") echo "1,033,449.52" ;;   # indep_model.py of the plan written: NPV
	"voi scenarios/midsize_business_case.csv") echo "ERP and telephony integration    line value" ;;   # counted in the file: the last of the 3 line values with low and high, after the 19 inputs
	"voi scenarios/deployment/big_bang.csv "*) echo "the choice among 4 options by expected NPV" ;;   # crmroi(1): several scenarios are a choice, four files given
	"simulate --precision 1% "*) echo "within 1% of the mean" ;;
	"simulate -n 1000 --samples /tmp/draws.csv "*) echo "draw,jobs_per_year,first_fix_uplift,repeat_visit_cost,travel_hours_saved,npv" ;;   # the samples file: the four inputs with a range, in file order
	"compare scenarios/deployment/base.csv "*) echo "1,005,309" ;;   # indep_model.py: NPV of base.csv
	"compare --baseline scenarios/deployment/hosted.csv "*) echo "452,751" ;;   # indep_model.py: NPV of on_premise.csv
	"batch -o /tmp/all.csv scenarios") echo "14868.5199098422" ;;   # oracle: NPV of the TEI illustration
	"batch --analysis tornado -f jsonl scenarios/areas") echo "217610.49545" ;;   # indep_model.py: field service NPV at first_fix_uplift 2%
	"tornado scenarios/midsize_business_case.csv") echo "Base NPV: 1,410,541." ;;   # indep_model.py
	"breakeven scenarios/areas/lead_management.csv") echo "(to 2,522)" ;;   # NPV is linear in leads: 12000 x -NPV(0) / (NPV(12000) - NPV(0)) = 2522.457, to whole leads
	"sweep --vary conversion_uplift="*) echo "33,483" ;;   # indep_model.py: NPV at 0.2% and 3000
	"sweep --vary discount_rate=0%:20%:5% "*) echo "20,000" ;;   # by hand: -10000 + 3 x 10000 at 0%
	"spider --metric payback "*) echo "Base Payback (months): 15.7." ;;   # indep_model.py net flows, payback interpolated in Year 2
	"breakeven --input discount_rate "*) echo "83.93%" ;;   # oracle: IRR of -10000 10000 10000 10000
	"breakeven --input golive scenarios/midsize_business_case.csv") echo "-19,143" ;;   # indep_model.py golive=19: NPV -19,143.44 (golive=18: 73,923.23)
	"sweep --vary golive=4:19:5 scenarios/midsize_business_case.csv") echo "923,771" ;;   # indep_model.py golive=9: NPV
	"track --calibration scenarios/tracking/estimates.csv "*) echo "is 0.562" ;;   # by hand: the rework event stated at 25% happened: (0.25 - 1)^2 = 0.5625
	"track scenarios/tracking/plan.csv "*) echo "month 1 (2027-01)  -63,000  -63,100" ;;   # by hand: plan -(45000 + 15000) x 1.05; actual 48900 + 14200
	"track -f csv -o /tmp/track.csv "*) echo "month,Discovery workshops,cost,discovery,1,2027-01,47250,45000" ;;   # by hand: 45000 x (1 + 5% cost risk)
	"run scenarios/cfo/after_tax.csv") echo "403,904.62" ;;   # indep_model.py: NPV before tax
	"run scenarios/cfo/dated.csv") echo "343,969.69" ;;   # oracle: XNPV of the flows by date at 8%
	"sweep --vary tax_rate=0:40%:10% "*) echo "0.00%  403,905" ;;   # indep_model.py: NPV before tax, the same at every tax rate
	"assess --template") echo "46 criteria in 9 sections, 1000 points" ;;   # crmroi(1): nine sections worth 1000
	"assess scenarios/assess/midway.csv") echo "Total: 640/1000" ;;   # crmroi-scenario(5): the score of midway.csv gives 0.82
	"assess -f markdown scenarios/assess/before.csv "*) echo "Total: 640/1000" ;;   # as above
	"run scenarios/assess/business_case.csv") echo "602,933.36" ;;   # indep_model.py midsize: 0.82 x PV(benefits) - PV(costs)
	"breakeven --input readiness_score "*) echo "371.2358066" ;;   # indep_model.py midsize: (PV(costs)/PV(benefits) - 0.5) / 0.5 x 1000
	"report -o /tmp/case.html --pdf /tmp/case.pdf "*) echo "1,410,540.97" ;;   # indep_model.py: NPV
	"report --no-simulation --paper letter -o /tmp/options.html "*) echo "670,946.65" ;;   # indep_model.py: NPV of big_bang.csv
	"workbook scenarios/midsize_business_case.csv -o /tmp/case.xlsx") echo "<v>1410540.96" ;;   # indep_model.py: NPV, the Summary cell's cached value
	*) echo "" ;;
	esac
}
# The files an example writes to /tmp go to this run's own folder: two runs at once do not meet.
mkdir -p "$tmp/out"
while IFS= read -r args; do
	want=$(expect "$args")
	args_here=$(printf '%s' "$args" | sed "s#/tmp/#$tmp/out/#g")
	if ! eval "\"\$CRMROI\" $args_here" > "$tmp/got" 2> "$tmp/err"; then
		bad "man example 'crmroi $args' failed: $(cat "$tmp/err")"
		continue
	fi
	# What the example writes to a file counts as its output too.
	for f in $(printf '%s\n' "$args_here" | grep -oE "(-o|--samples) $tmp/out/[^ ]+" | sed 's/^[^ ]* //'); do
		case $f in
		# A workbook is a zip archive: its sheets' XML is what it says.
		*.xlsx) /usr/bin/python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); [sys.stdout.write(z.read(n).decode()) for n in z.namelist() if n.startswith("xl/worksheets/")]' "$f" >> "$tmp/got" 2>/dev/null ;;
		*) cat "$f" >> "$tmp/got" 2>/dev/null ;;
		esac
	done
	if [ -z "$want" ]; then
		bad "man example 'crmroi $args' has no expected figure in tests/docs/check.sh"
	elif grep -qF -- "$want" "$tmp/got"; then
		ok
	else
		bad "man example 'crmroi $args' does not print '$want'"
	fi
done < "$tmp/man_examples"

# The example scenario of crmroi-scenario(5).
sed -n '/^\.SH EXAMPLE/,/^\.SH FILES/p' "$tmp/man5" | sed -n '/^\.EX/,/^\.EE/p' | sed '1d;$d' > "$tmp/example.csv"
if "$CRMROI" check "$tmp/example.csv" > /dev/null 2> "$tmp/err"; then ok; else bad "crmroi-scenario(5) example: $(cat "$tmp/err")"; fi
# It shows the columns of months from inputs, classes and adoption, each in use.
if grep -q '^kind,.*,class,adoption' "$tmp/example.csv" && grep -q '^input,golive,' "$tmp/example.csv" &&
	grep -q ',golive,.*,cash,adopt$' "$tmp/example.csv" && "$CRMROI" check "$tmp/example.csv" 2>&1 |
	grep -q 'golive .*start of benefit'; then ok; else
	bad "crmroi-scenario(5) example: no go-live input, class and adoption in use"; fi

# README console blocks: "$ ./crmroi ..." lines followed by the output they print.
# They run in the README's order (the walkthrough writes files that later
# commands read), numbered so that the shell's sorting keeps that order.
awk -v dir="$tmp" '
	/^```console/ { inblock = 1; next }
	/^```/ && inblock { inblock = 0; next }
	inblock && /^\$ / { n++; cmd = sprintf("%s/readme_%04d.cmd", dir, n);
		out = sprintf("%s/readme_%04d.out", dir, n);
		sub(/^\$ /, ""); print > cmd; close(cmd); printf "" > out; next }
	inblock && n { print >> out }
' README.md
# They run in a folder of their own, as in a checkout: ./crmroi is the program
# under test and the checkout's files are there through links, so that the
# files the walkthrough writes (case.csv, ...) stay out of the checkout and
# a second run starts afresh.
top=$(pwd)
mkdir "$tmp/checkout"
for f in "$top"/* "$top"/.[!.]*; do
	[ -e "$f" ] || continue
	case ${f##*/} in crmroi|.git) continue ;; esac
	ln -s "$f" "$tmp/checkout/${f##*/}"
done
ln -s "$CRMROI" "$tmp/checkout/crmroi"
for cmd in "$tmp"/readme_*.cmd; do
	[ -e "$cmd" ] || { bad "no console examples in README.md"; break; }
	want=${cmd%.cmd}.out
	line=$(cat "$cmd")
	run=$(printf '%s' "$line" | sed "s#/tmp/#$tmp/out/#g")
	# CSV output ends lines with CRLF; the README, a text document, does not.
	( cd "$tmp/checkout" && eval "$run" ) 2>&1 | tr -d '\r' > "$tmp/got"
	if cmp -s "$tmp/got" "$want"; then ok; else
		bad "README example '$line' prints something else:"
		diff -u "$want" "$tmp/got" | head -20 >&2
	fi
done

# The walkthrough's figures, computed without crmroi: the NPV of case.csv as
# edited there (run) and of phased.csv (compare), by tests/cli/indep_model.py.
for f in case.csv:%.2f phased.csv:%.0f; do
	file=${f%%:*}
	npv=$(cd "$tmp/checkout" && /usr/bin/python3 "$top/tests/cli/indep_model.py" "$file" 2>/dev/null |
		awk -v fmt="${f#*:}" '$1 == "npv" { v = sprintf(fmt, $2); n = ""; i = length(v) - (fmt ~ /2/ ? 3 : 0)
			tail = substr(v, i + 1); head = substr(v, 1, i)
			while (length(head) > 3) { n = "," substr(head, length(head) - 2) n; head = substr(head, 1, length(head) - 3) }
			print head n tail }')
	if [ -n "$npv" ] && grep -q "^  NPV .* $npv" README.md; then ok; else
		bad "README walkthrough: the NPV of $file by indep_model.py (${npv:-none}) is not the one shown"; fi
done

echo "docs: $pass passed, $fail failed"
[ $fail -eq 0 ]
