# An output that is one of the inputs is refused (exit 2) and the input is
# untouched: the same name, a link to it, a path through .., a base file,
# --samples, and for every command that writes -o.
root=$(pwd)
cd "$TMPDIR_CASE" || exit 1
cp "$root/scenarios/tei_example.csv" case.csv
cp "$root/scenarios/deployment/base.csv" base.csv
printf 'kind,name,value\nsetting,base,base.csv\nsetting,title,Child\n' > child.csv
ln -s case.csv link.csv
mkdir sub
sum() { cksum case.csv base.csv | cut -d' ' -f1,2; }
before=$(sum)
$CRMROI run -f csv -o case.csv case.csv; echo "run same name: exit $?"
$CRMROI run -o link.csv case.csv; echo "run through a link: exit $?"
$CRMROI run -o sub/../case.csv case.csv; echo "run through ..: exit $?"
$CRMROI run -o base.csv child.csv; echo "run over a base: exit $?"
$CRMROI compare -o case.csv case.csv child.csv; echo "compare: exit $?"
$CRMROI tornado --pct 10 -o case.csv case.csv; echo "tornado: exit $?"
$CRMROI sweep --vary discount_rate=5%:10%:5% -o base.csv child.csv; echo "sweep: exit $?"
$CRMROI simulate -n 10 --sobol 0 --samples case.csv case.csv; echo "simulate --samples: exit $?"
$CRMROI simulate -n 10 --sobol 0 -o base.csv child.csv; echo "simulate -o: exit $?"
$CRMROI batch -o case.csv case.csv child.csv; echo "batch: exit $?"
# batch writes as it goes: a base found while reading, or a scenario of a
# folder given, that is the output still leaves it untouched.
$CRMROI batch -o base.csv child.csv > /dev/null; echo "batch over a base: exit $?"
mkdir folder && cp case.csv folder/case.csv && cp case.csv folder/copy.csv
$CRMROI batch -o folder/case.csv folder; echo "batch over a scenario of a folder: exit $?"
cmp -s case.csv folder/case.csv && echo "the folder's scenario untouched"
$CRMROI run -o case.csv - < case.csv; echo "run from standard input: exit $?"
[ "$(sum)" = "$before" ] && echo "inputs untouched"
$CRMROI run -o "" case.csv; echo "an empty name: exit $?"
$CRMROI run -o sub/report.txt case.csv; echo "another file: exit $?"
