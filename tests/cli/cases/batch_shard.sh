# batch --shard K/N runs part K of N of the sorted file list. The parts'
# outputs concatenated in order are the file of one run (only part 1 writes
# the CSV header), for run and for simulate, in CSV and JSON lines. Each
# scenario's seed comes from --seed and its path below the argument, so a
# tree held in another folder gives the same draws, a scenario named alone
# the same as within its folder, and two copies under other names their own.
d=$TMPDIR_CASE
for a in run simulate; do
	for f in csv jsonl; do
		$CRMROI batch -a $a -n 200 -f $f scenarios/deployment > "$d/one.$f"
		for k in 1 2 3; do
			$CRMROI batch -a $a -n 200 -f $f --shard $k/3 scenarios/deployment > "$d/part$k.$f"
		done
		cat "$d/part1.$f" "$d/part2.$f" "$d/part3.$f" | cmp - "$d/one.$f" &&
			echo "$a, $f: the parts concatenated are the table of one run"
	done
done
head -1 "$d/part1.csv" | cut -c1-30
[ "$(head -c 5 "$d/part2.csv")" = "scena" ] && echo "the second part starts with a row, not a header"
# More parts than files: the extra parts are empty (part 1 has the header only).
$CRMROI batch --shard 1/40 scenarios/cfo | tr -d '\r'
$CRMROI batch --shard 2/40 scenarios/cfo > "$d/empty.csv"
[ -e "$d/empty.csv" ] && [ ! -s "$d/empty.csv" ] && echo "a part with no file writes nothing"

# The same tree in two folders: the same draws.
mkdir -p "$d/a/clients" "$d/mnt/b/clients"
cp scenarios/deployment/*.csv "$d/a/clients/"
cp scenarios/deployment/*.csv "$d/mnt/b/clients/"
$CRMROI batch -a simulate -n 200 --shard 2/3 "$d/a/clients" | sed "s#$d/a/##" > "$d/a.csv"
$CRMROI batch -a simulate -n 200 --shard 2/3 "$d/mnt/b/clients/" | sed "s#$d/mnt/b/##" > "$d/b.csv"
cmp "$d/a.csv" "$d/b.csv" && echo "a tree in another folder: the same rows"
# A scenario named alone: the same draws as within its folder.
$CRMROI batch -a simulate -n 200 "$d/a/clients/phased.csv" | sed "s#$d/a/##" | tail -n +2 > "$d/alone.csv"
$CRMROI batch -a simulate -n 200 "$d/a/clients" | sed "s#$d/a/##" | grep '^clients/phased.csv,' > "$d/within.csv"
cmp "$d/alone.csv" "$d/within.csv" && echo "a scenario named alone: the same rows as within its folder"
# Two copies under other names: draws of their own.
mkdir -p "$d/copies"
cp scenarios/areas/call_center.csv "$d/copies/first.csv"
cp scenarios/areas/call_center.csv "$d/copies/second.csv"
$CRMROI batch -a simulate -n 200 "$d/copies" | grep ',npv,' | cut -d, -f11 > "$d/means"
[ "$(sed -n 1p "$d/means")" != "$(sed -n 2p "$d/means")" ] && echo "two copies of a scenario: means of their own"
