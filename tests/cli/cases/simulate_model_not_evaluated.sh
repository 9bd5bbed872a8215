# A draw whose sums overflow cannot be evaluated: it is counted, and the first
# one's error is given, located, in text, CSV and JSON (the drawn amount is
# replaced by X).
x='s/amount a period, [0-9.e+]*;/amount a period, X;/'
$CRMROI simulate -n 200 tests/cli/data/overflow/some_draws.csv | grep -A3 'could not be evaluated' | sed 's/^  In [0-9,]* draws/  In N draws/' | tr '\n' ' ' | sed "$x"; echo
$CRMROI simulate -n 200 -f csv tests/cli/data/overflow/some_draws.csv | grep '^model,' | cut -d, -f1-3,7- | sed "$x"
$CRMROI simulate -n 200 -f json tests/cli/data/overflow/some_draws.csv | python3 -c 'import json,sys; d=json.load(sys.stdin)["model_not_evaluated"]; print(d["draws"] > 0, d["first"])' | sed "$x"
