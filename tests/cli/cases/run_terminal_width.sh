# On a terminal the report fits the terminal's width: script(1) runs crmroi on a
# pseudo-terminal set to 60 columns. Every line of these reports fits (colour
# escapes take no column).
esc=$(printf '\033')
for f in scenarios/tei_example.csv scenarios/midsize_business_case.csv tests/cli/data/monthly.csv; do
	script -qec "stty cols 60 rows 40; $CRMROI run $f" /dev/null < /dev/null | tr -d '\r' | sed "s/$esc\[[0-9;]*m//g" |
		awk -v f="$f" 'length($0) > 60 { n++ } END { print f ": " (n ? n " lines wider than 60 columns" : "every line fits 60 columns") }'
done
