# A case of many lines: the document shows the 25 benefits and the 25 costs with
# the largest present value one by one (a table each, a bar of the timeline, a
# milestone) and sums the others by area, with a note; the Sobol indices keep 20
# values of their own and estimate the other 38 as one group.
# 30 benefits B01..B30 of 1,000 x i, uniform from 0 to 2,000 x i; a set-up cost of
# 424,400 and 28 costs C01..C28 of 100 x i, uniform from 0 to 200 x i; all once at
# month 0 (undiscounted, no risk adjustment), so that NPV averages 0.
# By hand: the benefits left out are B01..B05, 1,000 x (1 + ... + 5) = 15,000 of
# 465,000 (3.23%); the costs C01..C04, 100 x (1 + 2 + 3 + 4) = 1,000 of 465,000
# (0.215%). Variances (2,000 i)^2 / 12 and (200 i)^2 / 12: the 20 largest swings
# are B11..B30, and the group (B01..B10, C01..C28) holds 1,848,560,000 /
# 38,128,560,000 = 4.85% of the variance of NPV, first order and total alike;
# B30 alone 9.44%.
f="$TMPDIR_CASE/many.csv"
out="$TMPDIR_CASE/many.html"
awk 'BEGIN {
	print "kind,name,value,low,high,dist,area,timing"
	for (i = 1; i <= 30; i++)
		printf "benefit,B%02d,%d,0,%d,uniform,%s,once\n", i, 1000 * i, 2000 * i,
			(i % 2 ? "sales_force" : "marketing")
	print "cost,Set-up,424400,,,,implementation,once"
	for (i = 1; i <= 28; i++)
		printf "cost,C%02d,%d,0,%d,uniform,%s,once\n", i, 100 * i, 200 * i,
			(i % 2 ? "license" : "implementation")
}' > "$f"
$CRMROI report --date 2026-12-01 --draws 1000 -o "$out" "$f" || exit 1
sed -n '/<section id="benefits">/,/<\/section>/p' "$out" | grep -c '<div class="line keep">'
sed -n '/<section id="costs">/,/<\/section>/p' "$out" | grep -c '<div class="line keep">'
sed -n '/<section id="benefits">/,/<\/section>/p' "$out" | grep -o '<h3>B0[1-6]</h3>'
grep -o '<p class="note">[^<]*</p>' "$out"
grep -o '<caption>The other [^<]*</caption>' "$out"
grep -o '<tr><th>[A-Z][a-z ]*</th><td class="n">[0-9]*</td><td class="n">[0-9,]*</td><td class="n">[0-9,]*</td></tr>' "$out"
grep -o '<desc>Each phase over its months[^<]*</desc>' "$out"
grep -o 'B30 starts at full effect; 5 benefits not shown one by one start' "$out"
sh tests/report/doctext.sh "$out" > "$TMPDIR_CASE/many.txt"
grep -E '^\| (B30|The other [0-9]+ inputs together)\| [0-9.<]+%' "$TMPDIR_CASE/many.txt"
grep -oE 'The 20 values whose one-at-a-time swing of NPV is largest[^.]*' "$TMPDIR_CASE/many.txt"
