# The runs of batch --shard by GNU parallel over ssh and by a Slurm job array
# that crmroi(1) shows, taken from the man page and run on one machine.
# parallel and Slurm are stood in for by what they do: the command of each
# part, in the order of the parts (as parallel -k prints them), and the
# script once per task of the array with its SLURM_ARRAY_TASK_* variables,
# standard output and error to the files its #SBATCH lines name. Checked is
# crmroi's part: the joined parts are the table of one run. Fewer draws than
# the page's 20000, to keep the test short.
d=$TMPDIR_CASE
mkdir -p "$d/srv/cases/clients" "$d/bin"
cp -r scenarios/areas scenarios/deployment scenarios/cfo "$d/srv/cases/clients/"
ln -s "$CRMROI" "$d/bin/crmroi"
PATH=$d/bin:$PATH
sed 's/\\-/-/g; s/\\e/\\/g; s/\\(aq/'"'"'/g' man/crmroi.1 |
	sed "s#/srv/cases#$d/srv/cases#g; s/-n 20000/-n 300/g" > "$d/man.txt"

# GNU parallel: the quoted command once per argument after ':::', {} the argument.
awk '/^\$ parallel/ { on = 1 } on { sub(/\\$/, ""); printf "%s", $0 } on && /:::/ { exit }' \
	"$d/man.txt" > "$d/parallel.txt"
cmd=$(sed "s/^[^']*'//; s/'.*//" "$d/parallel.txt")
args=$(sed 's/.*::://; s/>.*//' "$d/parallel.txt")
out=$(sed 's/.*> *//' "$d/parallel.txt")
echo "parallel runs: $cmd" | sed "s#$d##g"
(cd "$d" && for a in $args; do sh -c "$(printf '%s' "$cmd" | sed "s#{}#$a#g")"; done > "$out")

# Slurm: the script, once per task of --array=1-N.
awk '/^#!\/bin\/sh/ { on = 1 } on && /^\.EE/ { exit } on' "$d/man.txt" > "$d/shard.sh"
n=$(sed -n 's/^#SBATCH --array=1-\([0-9]*\)$/\1/p' "$d/shard.sh")
mkdir -p "$d/slurm"
for k in $(seq "$n"); do
	(cd "$d/slurm" && SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_TASK_COUNT=$n sh "$d/shard.sh" \
		> "part-$k.csv" 2> "part-$k.err")
done
join=$(awk '/^#!\/bin\/sh/ { on = 1 } on && /^\$ for k in/ { sub(/^\$ /, ""); print; exit }' "$d/man.txt")
echo "the parts are joined with: $join"
(cd "$d/slurm" && sh -c "$join")

# One run of the whole list.
(cd "$d/srv/cases" && crmroi batch -a simulate -n 300 --seed 7 clients > "$d/one.csv" 2> /dev/null)
cmp "$d/all.csv" "$d/one.csv" && echo "GNU parallel: the parts printed in order are the table of one run"
cmp "$d/slurm/all.csv" "$d/one.csv" && echo "Slurm job array: the joined parts are the table of one run"
for k in $(seq "$n"); do
	[ -s "$d/slurm/part-$k.csv" ] || echo "part $k is empty"
done
grep -q ',ok,,0,,[0-9]*,npv,' "$d/one.csv" && echo "the table holds simulations"
