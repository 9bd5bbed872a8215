# batch -a run records the class selection in the column only: the classes
# --only names, in their canonical order; empty without --only (every class
# but flexibility counts). JSON lines: null.
$CRMROI batch --only flexibility,cash tests/cli/data/gates/classes.csv | head -1 | cut -d, -f1-8
$CRMROI batch --only flexibility,cash tests/cli/data/gates/classes.csv | sed -n 2p | cut -d, -f7-8
$CRMROI batch tests/cli/data/gates/classes.csv | sed -n 2p | cut -d, -f7
$CRMROI batch -f jsonl --only flexibility,cash tests/cli/data/gates/classes.csv |
	sed 's/.*\("only": [^,]*,[^,]*\), "npv".*/\1/'
$CRMROI batch -f jsonl tests/cli/data/gates/classes.csv | sed 's/.*\("only": [^,]*\),.*/\1/'
