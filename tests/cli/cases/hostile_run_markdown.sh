# Markdown of run: a title, labels, areas, owners, metrics and notes with
# HTML (<script>, <svg onload>, <img onerror>) or & show as text (&lt;, &gt;,
# &amp;); a note's line break is <br> within its cell, so no row ends early.
d=tests/cli/data/hostile
$CRMROI run -f markdown $d/scenario.csv
$CRMROI run -f markdown $d/notes.csv | sed -n '/^## Inputs/,$p'
