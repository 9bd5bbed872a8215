# Text: a note's or a learning's line break starts a further line indented
# like its first (in the inputs table's Note column, under a line, and in the
# executive review's learnings), never a line of its own at column 0.
d=tests/cli/data/hostile
$CRMROI run $d/notes.csv | grep '^  NPV '
$CRMROI run $d/notes.csv | sed -n '/^Inputs/,$p'
$CRMROI assess $d/answers.csv 2>/dev/null | sed -n '/Key learnings/,/PS2/p'
