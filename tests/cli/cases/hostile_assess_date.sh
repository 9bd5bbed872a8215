# The answers' date is the user's text wherever it is shown: in the summary
# and in the executive review's status item, escaped in markdown (a tag and a
# '&' as &lt;, &gt; and &amp;), its line break visible as \n in text and
# markdown alike. Before, the review wrote it raw: a tag reached the markdown.
f=tests/cli/data/hostile/answers_date.csv
$CRMROI assess -f markdown $f 2>/dev/null | grep -e '^- Date:' -e 'assessed'
$CRMROI assess $f 2>/dev/null | grep -e '^  Date:' -e 'assessed'
