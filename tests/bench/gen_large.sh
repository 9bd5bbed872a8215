#!/bin/sh
# Writes one large generated scenario to standard output, for the benchmarks
# of make bench that measure how time and memory grow with the model:
#
#   gen_large.sh monthly N    50 years by month, N lines: recurring, once and
#                             formula lines over 20 uncertain inputs, and one
#                             line in ten with a range of its own
#   gen_large.sh dated N      N once-lines, each on its own day, discounted by
#                             date from 2027-01-15 (5 years by month)
#   gen_large.sh dated-sim N  N lines discounted by date (5 years by month):
#                             dated once-lines and recurring lines, their
#                             values formulas over 20 uncertain inputs
#   gen_large.sh periodic-sim N  the same lines discounted by period, to
#                             compare simulate's cost with the two ways
#
# Not real business cases: sized to measure the engine. The numbers vary with
# the line's index, so no two lines are the same.
set -eu
usage="usage: gen_large.sh monthly|dated|dated-sim|periodic-sim N"
mode=${1:?$usage}
n=${2:?$usage}
awk -v mode="$mode" -v n="$n" '
function inputs(   i) {
	for (i = 1; i <= 20; i++)
		printf "input,in_%d,%.2f,%.2f,%.2f,%s\n", i, 100 + i, 80 + i, 130 + i,
			(i % 3 == 0 ? "triangular" : (i % 3 == 1 ? "pert" : "uniform"))
}
function day(i,   y, m, d) {	# a day in 2027-01-15 .. 2031-12-28, varied by i
	y = 2027 + i % 5; m = 1 + (i * 7) % 12; d = 1 + (i * 13) % 28
	if (y == 2027 && m == 1 && d < 15) d += 14
	return sprintf("%04d-%02d-%02d", y, m, d)
}
BEGIN {
	if (mode == "monthly") {
		print "kind,name,value,low,high,dist,area,timing,start"
		printf "setting,title,Generated: 50 years by month; %d lines\n", n
		print "setting,period,month"
		print "setting,horizon_years,50"
		print "setting,discount_rate,8%"
		inputs()
		for (i = 1; i <= n; i++) {
			kind = (i % 4 == 0 ? "cost" : "benefit")
			if (i % 5 == 0)
				printf "%s,Line %d,%d,,,,lead_management,once,%d\n", kind, i, 1000 + i, 1 + i % 600
			else if (i % 5 == 1)
				printf "%s,Line %d,in_%d * %d,,,,sales_force,monthly,%d\n", kind, i, 1 + i % 20, 3 + i % 7, 1 + i % 24
			else if (i % 5 == 2)
				printf "%s,Line %d,%d,,,,call_center,yearly,%d\n", kind, i, 5000 + 3 * i, 1 + i % 36
			else if (i % 10 == 3) {
				v = 200 + i % 900
				printf "%s,Line %d,%d,%d,%d,%s,marketing,monthly,%d\n", kind, i, v, int(0.8 * v),
					int(1.3 * v), (i % 30 == 3 ? "pert" : (i % 30 == 13 ? "triangular" : "uniform")), 1 + i % 12
			} else
				printf "%s,Line %d,%d,,,,marketing,monthly,%d\n", kind, i, 200 + i % 900, 1 + i % 12
		}
	} else if (mode == "dated") {
		print "kind,name,value,timing,date"
		printf "setting,title,Generated: %d dated once-lines\n", n
		print "setting,period,month"
		print "setting,horizon_years,5"
		print "setting,discount_rate,8%"
		print "setting,start_date,2027-01-15"
		print "setting,discounting,dated"
		for (i = 1; i <= n; i++)
			printf "%s,Line %d,%d,once,%s\n", (i % 3 == 0 ? "cost" : "benefit"), i, 1000 + (i * 37) % 9000, day(i)
	} else if (mode == "dated-sim" || mode == "periodic-sim") {
		print "kind,name,value,low,high,dist,area,timing,start,date"
		printf "setting,title,Generated: %d lines discounted by %s\n", n, (mode == "dated-sim" ? "date" : "period")
		print "setting,period,month"
		print "setting,horizon_years,5"
		print "setting,discount_rate,8%"
		print "setting,start_date,2027-01-15"
		printf "setting,discounting,%s\n", (mode == "dated-sim" ? "dated" : "periodic")
		inputs()
		for (i = 1; i <= n; i++) {
			kind = (i % 3 == 0 ? "cost" : "benefit")
			if (i % 2 == 0)
				printf "%s,Line %d,in_%d * %d,,,,sales_force,once,,%s\n", kind, i, 1 + i % 20, 10 + i % 17, day(i)
			else
				printf "%s,Line %d,in_%d * %d,,,,marketing,monthly,%d,\n", kind, i, 1 + i % 20, 1 + i % 5, 1 + i % 24
		}
	} else {
		print "gen_large.sh: unknown mode " mode > "/dev/stderr"
		exit 2
	}
}'
