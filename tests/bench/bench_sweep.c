/*
 * bench_sweep.c - how fast a data table evaluates, without any output.
 *
 * Evaluates NPV on a 1000 x 1000 grid of two inputs of the bundled mid-sized
 * business case two ways, and reports points per second for each:
 *  - the short way `crmroi sweep` takes: the model evaluated whole at the
 *    start of each row (crm_model_summary), and along the row only what
 *    depends on the column's input (crm_model_summary_partial), on one thread;
 *  - every point evaluated in full through crm_analysis, the way every cell
 *    went before the short way, and the way a cell the short way cannot
 *    decide still goes.
 * Compare with the end-to-end time of the command (see run.sh) to see what
 * formatting the output and the threads add.
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
	/* The short way, as crmroi sweep takes it. */
	crm_model *m = crm_model_new(sc, &err);
	crm_cashflow *cf = m ? crm_cashflow_new(m) : NULL;
	char *in = calloc(sc->ninputs + 1, 1), *line = calloc(sc->nlines + 1, 1);
	if (!cf || !in || !line || p1.kind != CRM_PARAM_INPUT || p2.kind != CRM_PARAM_INPUT) {
		fprintf(stderr, "bench_sweep: two inputs of a model that evaluates are needed\n");
		return 1;
	}
	in[p2.index] = 1;
	crm_model_dependents(m, in, line);
	double t0 = now();
	for (size_t i = 0; i < n; i++) {
		crm_model_override(m, (size_t)p1.index, p1.base * (0.5 + (double)i / (double)n));
		for (size_t j = 0; j < n; j++) {
			crm_summary s;
			crm_model_override(m, (size_t)p2.index, p2.base * (0.5 + (double)j / (double)n));
			crm_status st = j ? crm_model_summary_partial(m, cf, in, line, &s, &err)
					  : crm_model_summary(m, cf, 0, 0, &s, &err);
			if (st != CRM_OK) {
				fprintf(stderr, "bench_sweep: the short way cannot decide point (%zu, %zu)\n", i, j);
				return 1;
			}
			sum += s.npv;
		}
	}
	double t = now() - t0;
	printf("sweep evaluation, short way: %zu x %zu points of NPV in %.3f s: %.0f points/s "
	       "(checksum %.6g)\n", n, n, t, (double)(n * n) / t, sum);
	free(in);
	free(line);
	crm_cashflow_free(cf);
	crm_model_free(m);

	/* Every point in full, through crm_analysis. */
	double sum_full = 0;
	size_t nf = n / 4 ? n / 4 : 1;   /* a quarter of the rows and columns: it is slower */
	t0 = now();
	for (size_t i = 0; i < nf; i++) {
		crm_analysis_set(a, &p1, p1.base * (0.5 + (double)i / (double)nf), &err);
		for (size_t j = 0; j < nf; j++) {
			crm_analysis_set(a, &p2, p2.base * (0.5 + (double)j / (double)nf), &err);
			if (crm_analysis_eval(a, &npv, 1, &v, &err) != CRM_OK) {
				fprintf(stderr, "bench_sweep: %s\n", err.msg);
				return 1;
			}
			sum_full += v.v;
		}
	}
	t = now() - t0;
	printf("sweep evaluation, every point in full: %zu x %zu points of NPV in %.3f s: %.0f points/s "
	       "(checksum %.6g)\n", nf, nf, t, (double)(nf * nf) / t, sum_full);
	crm_analysis_free(a);
	crm_scenario_free(sc);
	return 0;
}
