#!/bin/sh
# The business-case document as its readers see it: printed to PDF by a real
# headless Chromium (crmroi report --pdf), then read back with poppler-utils.
#
#   CRMROI=build/crmroi sh tests/report/browser.sh
#
# Checks, printing one line each (the golden case report_browser compares them):
#   - the PDF has the expected number of pages (pdfinfo);
#   - its text (pdftotext) holds the headline metrics exactly as the text
#     report of `crmroi run` formats them;
#   - page one, rendered as an image (pdftoppm), is not blank: many distinct
#     byte values and a good share of non-white pixels.
set -u
: "${CRMROI:=$(pwd)/build/crmroi}"
scenario=scenarios/midsize_business_case.csv
# 14 pages on A4: decision, years, benefits (3, and the benefits by class on a
# fourth), costs (3), risk (2), assumptions (2), and the closing note.
want_pages=14
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM

"$CRMROI" report --date 2026-11-30 --draws 2000 --author "Finance office" \
	-o "$dir/case.html" --pdf "$dir/case.pdf" "$scenario" || { echo "report failed"; exit 1; }
pages=$(pdfinfo "$dir/case.pdf" | sed -n 's/^Pages: *//p')
if [ "$pages" = "$want_pages" ]; then echo "pages: $pages"; else
	echo "pages: $pages, expected $want_pages"; fi

pdftotext -layout "$dir/case.pdf" "$dir/case.txt"
"$CRMROI" run "$scenario" > "$dir/run.txt"
for metric in "NPV" "ROI (TEI)" "IRR" "Payback" "Discounted payback" "PV of benefits" \
	"PV of costs"; do
	# The text report's line: two spaces, the label, spaces, the value, two spaces, meaning.
	value=$(grep -F "  $metric  " "$dir/run.txt" | head -1 | sed "s/^  $metric  *//; s/  .*//")
	if [ -z "$value" ]; then
		echo "$metric: not in the text report"
	elif grep -qF "$value" "$dir/case.txt"; then
		echo "$metric: $value found in the PDF"
	else
		echo "$metric: $value NOT found in the PDF"
	fi
done

# Page one as a 30 dpi image (PPM: a short header, then RGB bytes).
pdftoppm -r 30 -f 1 -l 1 "$dir/case.pdf" "$dir/page"
ppm=$(ls "$dir"/page*.ppm)
distinct=$(od -An -v -tu1 "$ppm" | tr -s ' ' '\n' | sed '/^$/d' | sort -un | wc -l)
dark=$(od -An -v -tu1 "$ppm" | tr -s ' ' '\n' | awk '$1 != "" && $1 < 200 { n++ } END { print n + 0 }')
total=$(wc -c < "$ppm")
# A blank page has 1 or 2 byte values; text, tables and a chart give dozens.
if [ "$distinct" -ge 32 ] && [ $((dark * 100 / total)) -ge 2 ]; then
	echo "page 1: not blank"
else
	echo "page 1: blank ($distinct byte values, $dark of $total bytes dark)"
fi
