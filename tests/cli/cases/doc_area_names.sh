# Area and category names as the document shows them, in each place it names them: the
# first letter capitalised and underscores as spaces (analytics is Analytics, zone_sales
# Zone sales), a name that starts otherwise as it is, no name as Other.
out="$TMPDIR_CASE/areas.html"
$CRMROI report --no-simulation --date 2026-12-01 -o "$out" tests/cli/data/doc/area_names.csv || exit 1
# The charts by area and category: each bar's title.
grep -o '<title>[^<]*, Year 1: [^<]*</title>' "$out"
# The costs by category: one heading each.
grep -o '<h3 class="category">[^<]*</h3>' "$out"
# The register of lines: each line's area beside its name.
grep -o '<tr><th>[^<]*<span class="src">[^<]*</span>' "$out"
