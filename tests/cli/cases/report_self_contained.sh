# The document references nothing outside itself: no src or href to anything
# but a fragment or data:, no @import, no url() but data:, no script.
out="$TMPDIR_CASE/case.html"
$CRMROI report --date 2026-11-30 --draws 500 -o "$out" \
	scenarios/midsize_business_case.csv scenarios/deployment/phased.csv || exit 1
refs=$(grep -Eio '(src|href|xlink:href)[[:space:]]*=[[:space:]]*["'"'"']?[^"'"'"' >]*' "$out" |
	grep -Eiv '=[[:space:]]*["'"'"']?(#|data:)' | wc -l)
echo "src/href outside the file: $refs"
echo "@import: $(grep -ci '@import' "$out")"
echo "url() other than data: $(grep -Eio 'url\([^)]*\)' "$out" | grep -Eciv 'url\(["'"'"']?data:')"
echo "script: $(grep -ci '<script' "$out")"
echo "svg charts: $(grep -c '<svg ' "$out")"
echo "svg titles: $(grep -c '^<title>' "$out")"
