# The best plan written as a scenario (-o): a variant of the file planned with
# its area rows again and their go-live. run of it gives the plan's NPV
# (1,033,449.52 by indep_model.py of the file written), simulate with the same
# draws and seed its expected NPV and P10.
cd "$TMPDIR_CASE" || exit 1
d=$OLDPWD/scenarios/roadmap
$CRMROI plan -f csv -o plan.csv $d/midsize_roadmap.csv > out.csv || exit 1
# The base is relative to plan.csv's directory: shown from the checkout's root
# whatever the temporary directory's place.
base=$(sed -n 's/^setting,base,\([^,]*\),.*/\1/p' plan.csv)
abs=$(cd "$(dirname "$base")" && pwd -P)/$(basename "$base")
root=$(cd "$OLDPWD" && pwd -P)
sed "s#^setting,base,[^,]*,#setting,base,${abs#$root/},#" plan.csv
grep -E '^figures,best,,(npv|mean_npv|p10_npv),' out.csv
$CRMROI run -f csv plan.csv | grep '^metric,npv,'
$CRMROI simulate -f csv -n 2000 --seed 1 plan.csv | grep -E '^metric,npv,(mean|p10),'
python3 - out.csv <<'P'
import csv, subprocess, sys
best = {r[3]: float(r[4]) for r in csv.reader(open(sys.argv[1])) if r[:2] == ['figures', 'best']}
run = subprocess.run(['sh', '-c', '"$CRMROI" run -f csv plan.csv'], capture_output=True, text=True).stdout
npv = [float(r[3]) for r in csv.reader(run.splitlines()) if r[:2] == ['metric', 'npv']][0]
print('run gives the plan\'s NPV' if npv == best['npv'] else 'run differs: %r %r' % (npv, best['npv']))
P
