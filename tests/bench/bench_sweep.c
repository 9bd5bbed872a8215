/*
 * bench_sweep.c - how fast a data table evaluates, without any output.
 *
 * Evaluates NPV on a 1000 x 1000 grid of two inputs of the bundled mid-sized
 * business case through crm_analysis, as `crmroi sweep` does, and reports
 * points per second. Compare with the end-to-end time of the command (see
 * run.sh) to see what formatting the output costs.
 *
 *   bench_sweep SCENARIO INPUT1 INPUT2 [N]
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "crmroi/crmroi.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	crm_error err;
	crm_param p1, p2;
	crm_metric_id npv = CRM_METRIC_NPV;
	crm_value v;
	size_t n = argc > 4 ? (size_t)strtoul(argv[4], NULL, 10) : 1000;
	double sum = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: bench_sweep SCENARIO INPUT1 INPUT2 [N]\n");
		return 2;
	}
	crm_init();
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_load(argv[1], &err);
	crm_analysis *a = sc ? crm_analysis_new(sc, &err) : NULL;
	if (!a || crm_param_find(sc, argv[2], &p1, &err) || crm_param_find(sc, argv[3], &p2, &err)) {
		fprintf(stderr, "bench_sweep: %s\n", err.msg);
		return 1;
	}
	double t0 = now();
	for (size_t i = 0; i < n; i++) {
		crm_analysis_set(a, &p1, p1.base * (0.5 + (double)i / (double)n), &err);
		for (size_t j = 0; j < n; j++) {
			crm_analysis_set(a, &p2, p2.base * (0.5 + (double)j / (double)n), &err);
			if (crm_analysis_eval(a, &npv, 1, &v, &err) != CRM_OK) {
				fprintf(stderr, "bench_sweep: %s\n", err.msg);
				return 1;
			}
			sum += v.v;
		}
	}
	double t = now() - t0;
	printf("sweep evaluation: %zu x %zu points of NPV in %.3f s: %.0f points/s (checksum %.6g)\n",
	       n, n, t, (double)(n * n) / t, sum);
	crm_analysis_free(a);
	crm_scenario_free(sc);
	return 0;
}
