#!/bin/sh
# Writes N small scenario files into DIR (for the batch benchmark): each a
# three-year case with two inputs, a licence, a set-up cost and one benefit,
# its numbers varied by its index.
set -eu
dir=$1
n=${2:-10000}
mkdir -p "$dir"
awk -v dir="$dir" -v n="$n" 'BEGIN {
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/case_%05d.csv", dir, i)
		printf "kind,name,value,low,high,timing\n" > f
		printf "setting,title,Generated case %d\n", i > f
		printf "input,leads,%d,%d,%d\n", 5000 + i % 700, 4000, 7000 > f
		printf "input,uplift,%.4f,0.001,0.02\n", 0.004 + (i % 13) / 1000 > f
		printf "cost,Licences,%d,,,yearly\n", 20000 + 10 * (i % 50) > f
		printf "cost,Set-up,%d,,,once\n", 60000 + 100 * (i % 97) > f
		printf "benefit,Deals,leads * uplift * 4200,,,yearly\n" > f
		close(f)
	}
}'
