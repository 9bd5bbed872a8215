/*
 * bench_simulate.c - Monte Carlo throughput, fixed costs and memory.
 *
 * Runs crm_simulate on the benchmark scenario with NPV and payback computed
 * per draw (no Sobol indices, no output) and reports draws per second, the
 * share of the run spent after the last draw (percentiles, rank
 * correlations, histograms: the fixed costs) and the peak resident memory.
 *
 *   bench_simulate SCENARIO             1,000,000 draws on 1 and 2 threads,
 *                                       then 4,000,000 on 2
 *   bench_simulate --targets SCENARIO   one line per target: the fixed costs
 *                                       of a 2,000,000-draw run on 2 threads
 *                                       (under 20%), and memory flat in the
 *                                       number of draws (1,000,000 against
 *                                       4,000,000)
 *
 * The end of the draws is the last progress call, which the engine makes
 * after merging the last round of draws.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "crmroi/crmroi.h"

#define FIXED_TARGET 0.20       /* fixed costs under this share of a run */
#define MEMORY_SLACK_MB 16      /* growth from 1M to 4M draws that still counts as flat */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static long peak_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void last_progress(void *ctx, uint64_t done, uint64_t total)
{
	(void)done;
	(void)total;
	*(double *)ctx = now();
}

struct timing {
	double total, fixed, mean;
	size_t nitems;
	long peak_mb;
};

static int run(const crm_scenario *sc, uint64_t n, int jobs, struct timing *t)
{
	crm_sim_options o;
	crm_sim_result res;
	crm_error err;
	double drawn = 0;

	memset(&o, 0, sizeof o);
	o.n = n;
	o.seed = 1;
	o.jobs = jobs;
	o.metrics[CRM_SIM_NPV] = o.metrics[CRM_SIM_PAYBACK] = 1;
	o.hist_bins = 20;
	o.progress = last_progress;
	o.progress_ctx = &drawn;
	double t0 = now();
	if (crm_simulate(sc, &o, &res, &err) != CRM_OK) {
		fprintf(stderr, "bench_simulate: %s\n", err.msg);
		return -1;
	}
	t->total = now() - t0;
	t->fixed = drawn > 0 ? t0 + t->total - drawn : 0;
	t->mean = res.metric[CRM_SIM_NPV].mean;
	t->nitems = res.nitems;
	t->peak_mb = peak_kb() / 1024;
	crm_sim_result_free(&res);
	return 0;
}

int main(int argc, char **argv)
{
	crm_error err;
	int targets = argc > 2 && strcmp(argv[1], "--targets") == 0;
	static const struct { uint64_t n; int jobs; } runs[] = {
		{ 1000000, 1 }, { 1000000, 2 }, { 4000000, 2 }
	};
	struct timing t;

	if (argc < 2 || (argc > 2 && !targets)) {
		fprintf(stderr, "usage: bench_simulate [--targets] SCENARIO\n");
		return 2;
	}
	crm_init();
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_load(argv[argc - 1], &err);
	if (!sc) {
		fprintf(stderr, "bench_simulate: %s\n", err.msg);
		return 1;
	}
	if (targets) {
		long small, big;
		if (run(sc, 1000000, 2, &t) != 0)
			return 1;
		small = t.peak_mb;
		if (run(sc, 2000000, 2, &t) != 0)
			return 1;
		printf("simulate fixed costs (percentiles, rank correlations, histogram): %.3f s of "
		       "%.3f s for 2,000,000 draws: %.1f%% (target under %.0f%%): %s\n", t.fixed,
		       t.total, 100 * t.fixed / t.total, 100 * FIXED_TARGET,
		       t.fixed < FIXED_TARGET * t.total ? "met" : "NOT MET");
		if (run(sc, 4000000, 2, &t) != 0)
			return 1;
		big = t.peak_mb;
		printf("simulate memory: peak %ld MB at 1,000,000 draws, %ld MB at 4,000,000 "
		       "(target flat in -n): %s\n", small, big,
		       big <= small + MEMORY_SLACK_MB ? "met" : "NOT MET");
		crm_scenario_free(sc);
		return 0;
	}
	for (size_t k = 0; k < sizeof runs / sizeof *runs; k++) {
		if (run(sc, runs[k].n, runs[k].jobs, &t) != 0)
			return 1;
		printf("simulate: %llu draws, %zu uncertain values, %d thread%s: %.3f s, %.0f draws/s, "
		       "fixed costs %.3f s, peak memory %ld MB (mean NPV %.6g)\n",
		       (unsigned long long)runs[k].n, t.nitems, runs[k].jobs,
		       runs[k].jobs == 1 ? "" : "s", t.total, (double)runs[k].n / t.total, t.fixed,
		       t.peak_mb, t.mean);
	}
	crm_scenario_free(sc);
	return 0;
}
