#!/bin/sh
# The business-case document as its readers see it: printed to PDF by a real
# headless Chromium (crmroi report --pdf), then read back with poppler-utils.
#
#   CRMROI=build/crmroi sh tests/report/browser.sh
#
# Checks, printing one line each (the golden case report_browser compares them):
#   - the PDF has the expected number of pages (pdfinfo);
#   - page one, rendered as an image (pdftoppm), is not blank: many distinct
#     byte values and a good share of non-white pixels.
# The figures the PDF shows are compared with run's and simulate's JSON by
# tests/report/figures.sh (the golden case doc_pdf_figures).
set -u
: "${CRMROI:=$(pwd)/build/crmroi}"
scenario=scenarios/midsize_business_case.csv
# 19 pages on A4: the executive summary alone on page 1; then the sections
# follow one another, each starting where the one before ends: the budget
# and timeline (2), the financial summary and tax by year (1), risks and
# simulation with what is worth knowing before deciding (3), benefits (5),
# costs (3), what NPV leaves out with the methodology and glossary (1), the
# appendix (3).
want_pages=19
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM

"$CRMROI" report --date 2026-11-30 --draws 2000 --author "Finance office" \
	-o "$dir/case.html" --pdf "$dir/case.pdf" "$scenario" || { echo "report failed"; exit 1; }
pages=$(pdfinfo "$dir/case.pdf" | sed -n 's/^Pages: *//p')
if [ "$pages" = "$want_pages" ]; then echo "pages: $pages"; else
	echo "pages: $pages, expected $want_pages"; fi

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
