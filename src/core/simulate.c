/*
 * simulate.c - the Monte Carlo engine.
 *
 * Draws are grouped in blocks of CRM_SIM_BLOCK. Block b draws from its own
 * Mersenne Twister stream seeded from (seed, b), so what a block computes does
 * not depend on which thread runs it. Threads run the blocks of a round; the
 * calling thread then merges block summaries strictly in block order (means
 * and variances with Chan's pairwise update), so sums are added in the same
 * order whatever the number of threads, and a --precision stop happens after
 * the same block. Memory does not grow with the number of draws: the first
 * CRM_SIM_EXACT_MAX values of each metric are kept for exact percentiles, and
 * later ones go into a fine histogram.
 */
#include "crmroi/simulate.h"
#include "crmroi/dated.h"
#include "crmroi/aftertax.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crmroi/metrics.h"
#include "crmroi/model.h"

const double crm_sim_percentiles[CRM_SIM_NPCT] = { 5, 10, 25, 50, 75, 90, 95 };

#define BLOCKS_PER_THREAD 2    /* blocks each thread runs per round */
#define U_CLAMP 1e-15          /* keep copula uniforms inside (0, 1) */
#define Z975 1.959963984540054 /* 97.5th percentile of the standard normal */

struct part {                  /* summary of one metric over some draws */
	uint64_t n, undef;
	double mean, m2, min, max;
};

struct block {
	uint64_t first;
	size_t count;
	double *metrics;           /* count x CRM_SIM_NMETRICS */
	double *items;             /* count x nitems, when kept */
	struct part part[CRM_SIM_NMETRICS];
	uint64_t npv_neg, pb_not, model_undef;
	crm_status st;
	crm_error err;
};

struct shared {
	const crm_scenario *sc;
	const crm_sim_options *opt;
	const crm_uncertain *items;
	size_t nitems;
	const crm_copula *cop;
	char *in_copula;           /* nitems */
	int keep_items;            /* for the samples file */
	double *rank_items;        /* CRM_SIM_RANK_MAX x nitems */
	double *rank_npv;
	uint64_t rank_cap;
	double *exact[CRM_SIM_NMETRICS];
	uint64_t exact_cap;
};

struct worker {
	struct shared *sh;
	crm_model *m;
	crm_cashflow *cf;
	gsl_rng *rng;
	double *g, *x;             /* copula normals; one draw's item values */
	int fast;                  /* crm_model_summary serves the metrics asked for */
	int after_tax;             /* after-tax metrics asked for */
	struct block *blocks;
	size_t nblocks;
	int id, jobs;
};

/* SplitMix64: turns (seed, block) into well-spread stream seeds. */
static uint64_t mix64(uint64_t z)
{
	z += 0x9E3779B97F4A7C15ULL;
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static void part_add(struct part *p, double x)
{
	if (isnan(x)) {
		p->undef++;
		return;
	}
	p->n++;
	double d = x - p->mean;
	p->mean += d / (double)p->n;
	p->m2 += d * (x - p->mean);
	if (p->n == 1 || x < p->min)
		p->min = x;
	if (p->n == 1 || x > p->max)
		p->max = x;
}

/* Chan et al.: combine summaries, a then b. */
static void part_merge(struct part *a, const struct part *b)
{
	a->undef += b->undef;
	if (!b->n)
		return;
	if (!a->n) {
		uint64_t u = a->undef;
		*a = *b;
		a->undef = u;
		return;
	}
	double n = (double)(a->n + b->n), d = b->mean - a->mean;
	a->mean += d * (double)b->n / n;
	a->m2 += b->m2 + d * d * (double)a->n * (double)b->n / n;
	a->min = b->min < a->min ? b->min : a->min;
	a->max = b->max > a->max ? b->max : a->max;
	a->n += b->n;
}

static void draw(struct worker *w)
{
	const struct shared *sh = w->sh;
	const crm_copula *c = sh->cop;

	for (size_t t = 0; t < sh->nitems; t++)
		if (!sh->in_copula[t])
			w->x[t] = crm_uncertain_draw(&sh->items[t], w->rng);
	if (c->m) {
		for (size_t i = 0; i < c->m; i++)
			w->g[i] = gsl_ran_gaussian_ziggurat(w->rng, 1.0);
		for (size_t i = 0; i < c->m; i++) {
			double z = 0;
			for (size_t j = 0; j < c->m; j++)
				z += c->factor[i * c->m + j] * w->g[j];
			double u = gsl_cdf_ugaussian_P(z);
			u = u < U_CLAMP ? U_CLAMP : u > 1 - U_CLAMP ? 1 - U_CLAMP : u;
			w->x[c->item[i]] = crm_uncertain_quantile(&sh->items[c->item[i]], u);
		}
	}
	for (size_t t = 0; t < sh->nitems; t++) {
		const crm_uncertain *u = &sh->items[t];
		switch (u->kind) {
		case CRM_ITEM_INPUT: crm_model_override(w->m, (size_t)u->index, w->x[t]); break;
		case CRM_ITEM_LINE: crm_model_override_line(w->m, (size_t)u->index, w->x[t]); break;
		case CRM_ITEM_EVENT: crm_model_set_occurs(w->m, (size_t)u->index, w->x[t] > 0.5); break;
		}
	}
}

/* The after-tax metrics of the evaluated draw (its line amounts kept). */
static crm_status measure_after_tax(struct worker *w, double *out, crm_error *err)
{
	crm_after_tax at;
	crm_status st;

	if (!crm_model_settings(w->m)->tax_given)
		return CRM_OK;   /* every after-tax metric undefined: no tax_rate */
	if ((st = crm_after_tax_compute(w->m, w->cf, &at, err)) != CRM_OK)
		return st;
	out[CRM_SIM_AFTER_TAX_NPV] = at.metrics.npv;
	if (at.metrics.irr_ok)
		out[CRM_SIM_AFTER_TAX_IRR] = at.metrics.irr_value;
	if (at.metrics.payback.status == CRM_PAYBACK_REACHED)
		out[CRM_SIM_AFTER_TAX_PAYBACK] = at.metrics.payback.months;
	crm_after_tax_free(&at);
	return CRM_OK;
}

/* Metrics of the evaluated draw into out (NaN when undefined or not asked for). */
static crm_status measure(struct worker *w, double *out, crm_error *err)
{
	const crm_cashflow *cf = w->cf;
	const crm_sim_options *opt = w->sh->opt;
	size_t np = (size_t)cf->nperiods + 1;
	double pvc = 0;
	crm_status st;

	for (int k = 0; k < CRM_SIM_NMETRICS; k++)
		out[k] = NAN;
	out[CRM_SIM_NPV] = cf->cumulative_pv[np - 1];
	if (opt->metrics[CRM_SIM_ROI]) {
		for (size_t p = 0; p < np; p++)
			pvc += cf->pv_costs[p];
		if (pvc > 0)
			out[CRM_SIM_ROI] = out[CRM_SIM_NPV] / pvc;
	}
	if (opt->metrics[CRM_SIM_IRR]) {
		crm_irr irr;
		/* A root the solver cannot find counts as a draw with no IRR. */
		if ((st = crm_cashflow_irr(w->m, cf, &irr, err)) == CRM_ENOMEM)
			return st;
		if (st != CRM_OK)
			irr.nroots = 0;
		double r = crm_model_settings(w->m)->discount_rate;
		for (size_t i = 0; i < irr.nroots; i++)
			if (i == 0 || fabs(irr.roots[i] - r) < fabs(out[CRM_SIM_IRR] - r))
				out[CRM_SIM_IRR] = irr.roots[i];
	}
	for (int k = CRM_SIM_PAYBACK; k <= CRM_SIM_DPAYBACK; k++) {
		if (!opt->metrics[k])
			continue;
		crm_payback pb;
		crm_payback_compute(k == CRM_SIM_PAYBACK ? cf->net : cf->pv_net, np,
				    cf->months_per_period, &pb);
		if (pb.status == CRM_PAYBACK_REACHED)
			out[k] = pb.months;
	}
	if (w->after_tax)
		return measure_after_tax(w, out, err);
	return CRM_OK;
}

static void run_block(struct worker *w, struct block *b)
{
	struct shared *sh = w->sh;
	double met[CRM_SIM_NMETRICS];
	crm_error e;

	memset(b->part, 0, sizeof b->part);
	b->npv_neg = b->pb_not = b->model_undef = 0;
	b->st = CRM_OK;
	gsl_rng_set(w->rng, (unsigned long)mix64(sh->opt->seed ^ mix64(b->first / CRM_SIM_BLOCK)));
	for (size_t i = 0; i < b->count; i++) {
		uint64_t it = b->first + i;
		draw(w);
		/* e is only read when an evaluation fails, so it is not cleared per draw. */
		crm_status st = CRM_EUSAGE;
		if (w->fast) {
			crm_summary sm;
			st = crm_model_summary(w->m, w->cf, sh->opt->metrics[CRM_SIM_PAYBACK],
					       sh->opt->metrics[CRM_SIM_DPAYBACK], &sm, &e);
			if (st == CRM_OK) {
				for (int k = 0; k < CRM_SIM_NMETRICS; k++)
					met[k] = NAN;
				met[CRM_SIM_NPV] = sm.npv;
				if (sh->opt->metrics[CRM_SIM_ROI] && sm.pv_costs > 0)
					met[CRM_SIM_ROI] = sm.npv / sm.pv_costs;
				if (sm.payback_reached)
					met[CRM_SIM_PAYBACK] = sm.payback_months;
				if (sm.dpayback_reached)
					met[CRM_SIM_DPAYBACK] = sm.dpayback_months;
			}
		}
		/* The full evaluation: when the short way does not apply or cannot decide. */
		if (st == CRM_EUSAGE)
			st = crm_model_eval(w->m, w->cf, &e);
		else if (st == CRM_OK)
			goto measured;
		if (st == CRM_EDATA) {
			/* A draw where a formula divides by zero: undefined, and counted. */
			for (int k = 0; k < CRM_SIM_NMETRICS; k++)
				met[k] = NAN;
			b->model_undef++;
		} else if (st != CRM_OK || (st = measure(w, met, &e)) != CRM_OK) {
			b->st = st;
			b->err = e;
			return;
		}
measured:
		for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
			if (!sh->opt->metrics[k] && k != CRM_SIM_NPV)
				continue;
			part_add(&b->part[k], met[k]);
			if (it < sh->exact_cap)
				sh->exact[k][it] = met[k];
		}
		b->npv_neg += met[CRM_SIM_NPV] < 0;
		b->pb_not += sh->opt->metrics[CRM_SIM_PAYBACK] && isnan(met[CRM_SIM_PAYBACK]) &&
			     !isnan(met[CRM_SIM_NPV]);
		memcpy(b->metrics + i * CRM_SIM_NMETRICS, met, sizeof met);
		if (sh->keep_items)
			memcpy(b->items + i * sh->nitems, w->x, sh->nitems * sizeof *w->x);
		if (it < sh->rank_cap) {
			memcpy(sh->rank_items + it * sh->nitems, w->x, sh->nitems * sizeof *w->x);
			sh->rank_npv[it] = met[CRM_SIM_NPV];
		}
	}
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;

	for (size_t k = (size_t)w->id; k < w->nblocks; k += (size_t)w->jobs)
		run_block(w, &w->blocks[k]);
	return NULL;
}

/* ------------------------------------------------------------- percentiles */

struct hist {
	double lo, width;
	uint64_t *count;           /* CRM_SIM_HIST_BINS, plus under and over */
	uint64_t under, over;
};

static void hist_add(struct hist *h, double x)
{
	if (isnan(x))
		return;
	double f = (x - h->lo) / h->width;
	if (f < 0)
		h->under++;
	else if (f >= CRM_SIM_HIST_BINS)
		h->over++;
	else
		h->count[(size_t)f]++;
}

/* Sorted defined values of an exact store; returns how many. */

static void hist_quantiles(const struct hist *h, uint64_t total, crm_sim_metric *m)
{
	for (int q = 0; q < CRM_SIM_NPCT; q++) {
		/* The same rank as an exact percentile: (N - 1) p, interpolated within a bin. */
		double target = (double)(total - 1) * crm_sim_percentiles[q] / 100.0;
		double cum = (double)h->under;
		double x = h->lo;
		if (target < cum) {
			m->pct[q] = m->min;
			continue;
		}
		size_t i;
		for (i = 0; i < CRM_SIM_HIST_BINS; i++) {
			double c = (double)h->count[i];
			if (cum + c > target) {
				x = h->lo + h->width * ((double)i + (target - cum) / c);
				break;
			}
			cum += c;
		}
		m->pct[q] = i == CRM_SIM_HIST_BINS ? m->max : x;
	}
}

static int report_hist(crm_sim_metric *m, size_t nbins)
{
	m->nbins = nbins;
	m->bin_lo = calloc(nbins, sizeof *m->bin_lo);
	m->bin_hi = calloc(nbins, sizeof *m->bin_hi);
	m->bin_count = calloc(nbins, sizeof *m->bin_count);
	if (!m->bin_lo || !m->bin_hi || !m->bin_count)
		return -1;
	double w = (m->max - m->min) / (double)nbins;
	for (size_t i = 0; i < nbins; i++) {
		m->bin_lo[i] = m->min + w * (double)i;
		m->bin_hi[i] = i + 1 == nbins ? m->max : m->min + w * (double)(i + 1);
	}
	return 0;
}

static size_t display_bin(const crm_sim_metric *m, double x)
{
	if (m->max <= m->min)
		return 0;
	double f = (x - m->min) / (m->max - m->min) * (double)m->nbins;
	size_t i = f <= 0 ? 0 : (size_t)f;
	return i >= m->nbins ? m->nbins - 1 : i;
}

struct keyed {
	double x;
	size_t i;
};

static int less(const struct keyed *p, const struct keyed *q)
{
	return p->x < q->x || (p->x == q->x && p->i < q->i);
}

static int less_double(const double *p, const double *q)
{
	return *p < *q;
}

/*
 * Ascending sorts, faster than qsort's callbacks and GSL's heapsort on the
 * million values kept for exact percentiles and the draws ranked for rank
 * correlations: quicksort with a median-of-three pivot and Hoare partitioning
 * (which splits runs of equal values evenly), insertion sort for short runs.
 * Keyed pairs are all distinct (the index breaks ties), so their order is
 * fully determined; doubles must not be NaN.
 */
#define DEFINE_SORT(name, T, LESS)						\
static void name(T *a, size_t n)						\
{										\
	while (n > 16) {							\
		size_t mid = n / 2, i = 0, j = n - 1;				\
		T t, pivot;							\
		if (LESS(&a[mid], &a[0])) { t = a[mid]; a[mid] = a[0]; a[0] = t; }	\
		if (LESS(&a[n - 1], &a[0])) { t = a[n - 1]; a[n - 1] = a[0]; a[0] = t; } \
		if (LESS(&a[n - 1], &a[mid])) { t = a[n - 1]; a[n - 1] = a[mid]; a[mid] = t; } \
		pivot = a[mid];							\
		for (;;) {							\
			while (LESS(&a[i], &pivot))				\
				i++;						\
			while (LESS(&pivot, &a[j]))				\
				j--;						\
			if (i >= j)						\
				break;						\
			t = a[i];						\
			a[i++] = a[j];						\
			a[j--] = t;						\
		}								\
		/* Recurse into the smaller part, loop on the larger. */	\
		if (j + 1 < n - j - 1) {					\
			name(a, j + 1);						\
			a += j + 1;						\
			n -= j + 1;						\
		} else {							\
			name(a + j + 1, n - j - 1);				\
			n = j + 1;						\
		}								\
	}									\
	for (size_t i = 1; i < n; i++) {					\
		T t = a[i];							\
		size_t j = i;							\
		while (j > 0 && LESS(&t, &a[j - 1])) {				\
			a[j] = a[j - 1];					\
			j--;							\
		}								\
		a[j] = t;							\
	}									\
}

DEFINE_SORT(sort_keyed, struct keyed, less)
DEFINE_SORT(sort_doubles, double, less_double)

/* Drop the NaNs (undefined values) of an exact store and sort the rest. */
struct sort_job {
	int metric;
	double *v;
	uint64_t n;
	size_t kept;
};

static void *compact_sorted(void *arg)
{
	struct sort_job *j = arg;
	size_t k = 0;

	for (uint64_t i = 0; i < j->n; i++)
		if (!isnan(j->v[i]))
			j->v[k++] = j->v[i];
	sort_doubles(j->v, k);
	j->kept = k;
	return NULL;
}

/* Ranks 1..n of x, ties sharing their average rank. tmp is scratch of n. */
static void ranks(const double *x, size_t n, double *rank, struct keyed *tmp)
{
	for (size_t i = 0; i < n; i++)
		tmp[i] = (struct keyed){ x[i], i };
	sort_keyed(tmp, n);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && tmp[j + 1].x == tmp[i].x)
			j++;
		double r = 0.5 * (double)(i + j) + 1;
		for (size_t t = i; t <= j; t++)
			rank[tmp[t].i] = r;
		i = j + 1;
	}
}

/* Rank correlations of items id, id + jobs, ... with NPV, whose ranks are given. */
struct rank_job {
	const struct shared *sh;
	crm_sim_result *res;
	uint64_t rn;              /* draws stored */
	size_t nk;                /* of them with a defined NPV */
	const double *ry;         /* ranks of NPV */
	int failed;
	int id, jobs;
};

static void *rank_worker(void *arg)
{
	struct rank_job *j = arg;
	const struct shared *sh = j->sh;
	size_t nitems = j->res->nitems;
	double *xs = malloc((j->nk + 1) * sizeof *xs), *rx = malloc((j->nk + 1) * sizeof *rx);
	struct keyed *tmp = malloc((j->nk + 1) * sizeof *tmp);

	if (!xs || !rx || !tmp) {
		j->failed = 1;
	} else {
		for (size_t t = (size_t)j->id; t < nitems; t += (size_t)j->jobs) {
			size_t k = 0;
			for (uint64_t i = 0; i < j->rn; i++)
				if (!isnan(sh->rank_npv[i]))
					xs[k++] = sh->rank_items[i * nitems + t];
			ranks(xs, k, rx, tmp);
			double c = k > 2 ? gsl_stats_correlation(rx, 1, j->ry, 1, k) : NAN;
			j->res->rank_corr[t] = isfinite(c) ? c : NAN;
		}
	}
	free(xs);
	free(rx);
	free(tmp);
	return NULL;
}

/*
 * Run fn on each of n argument blocks (args, args + size, ...), on up to n
 * threads: the calling thread takes the first, and any block whose thread
 * cannot be started. What each block computes must not depend on the thread.
 */
static void run_parallel(void *(*fn)(void *), void *args, size_t size, int n)
{
	pthread_t tid[256];
	int started[256] = { 0 };

	for (int i = 1; i < n && i < 256; i++)
		started[i] = pthread_create(&tid[i], NULL, fn, (char *)args + (size_t)i * size) == 0;
	for (int i = 0; i < n; i++)
		if (i == 0 || i >= 256 || !started[i])
			fn((char *)args + (size_t)i * size);
	for (int i = 1; i < n && i < 256; i++)
		if (started[i])
			pthread_join(tid[i], NULL);
}

/* ------------------------------------------------------------------- main */

void crm_sim_result_free(crm_sim_result *res)
{
	if (!res)
		return;
	for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
		free(res->metric[k].bin_lo);
		free(res->metric[k].bin_hi);
		free(res->metric[k].bin_count);
	}
	free(res->items);
	free(res->rank_corr);
	memset(res, 0, sizeof *res);
}

static void free_workers(struct worker *w, int jobs)
{
	for (int i = 0; w && i < jobs; i++) {
		crm_cashflow_free(w[i].cf);
		crm_model_free(w[i].m);
		gsl_rng_free(w[i].rng);
		free(w[i].g);
		free(w[i].x);
	}
	free(w);
}

crm_status crm_simulate(const crm_scenario *sc, const crm_sim_options *opt, crm_sim_result *res,
			crm_error *err)
{
	struct shared sh;
	crm_copula cop;
	struct worker *workers = NULL;
	struct block *blocks = NULL;
	struct hist hist[CRM_SIM_NMETRICS];
	struct part total[CRM_SIM_NMETRICS];
	crm_status st = CRM_OK;
	int jobs = opt->jobs > 0 ? opt->jobs : 1;
	int round_blocks = jobs * BLOCKS_PER_THREAD;
	uint64_t nblocks_total = (opt->n + CRM_SIM_BLOCK - 1) / CRM_SIM_BLOCK;

	memset(res, 0, sizeof *res);
	memset(&sh, 0, sizeof sh);
	memset(&cop, 0, sizeof cop);
	memset(hist, 0, sizeof hist);
	memset(total, 0, sizeof total);
	if (opt->n < 2)
		return crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "a simulation needs at least 2 "
				     "draws");
	if ((st = crm_uncertain_list(sc, &res->items, &res->nitems, err)) != CRM_OK)
		return st;
	if ((st = crm_copula_init(&cop, sc, res->items, res->nitems, err)) != CRM_OK)
		goto done;
	res->correlated = sc->ncorrelations > 0;
	sh.sc = sc;
	sh.opt = opt;
	sh.items = res->items;
	sh.nitems = res->nitems;
	sh.cop = &cop;
	sh.keep_items = opt->samples != NULL;
	sh.in_copula = calloc(res->nitems + 1, 1);
	sh.rank_cap = opt->n < CRM_SIM_RANK_MAX ? opt->n : CRM_SIM_RANK_MAX;
	sh.rank_items = malloc((size_t)sh.rank_cap * (res->nitems + 1) * sizeof(double));
	sh.rank_npv = malloc((size_t)sh.rank_cap * sizeof(double));
	uint64_t exact_max = opt->exact_max ? opt->exact_max : CRM_SIM_EXACT_MAX;
	sh.exact_cap = opt->n < exact_max ? opt->n : exact_max;
	if (!sh.in_copula || !sh.rank_items || !sh.rank_npv)
		goto nomem;
	for (size_t i = 0; i < cop.m; i++)
		sh.in_copula[cop.item[i]] = 1;
	for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
		res->metric[k].computed = k == CRM_SIM_NPV || opt->metrics[k];
		if (res->metric[k].computed && !(sh.exact[k] = malloc((size_t)sh.exact_cap * sizeof(double))))
			goto nomem;
	}

	workers = calloc((size_t)jobs, sizeof *workers);
	blocks = calloc((size_t)round_blocks, sizeof *blocks);
	if (!workers || !blocks)
		goto nomem;
	for (int b = 0; b < round_blocks; b++) {
		blocks[b].metrics = malloc(CRM_SIM_BLOCK * CRM_SIM_NMETRICS * sizeof(double));
		blocks[b].items = sh.keep_items ? malloc(CRM_SIM_BLOCK * (res->nitems + 1) * sizeof(double))
						: NULL;
		if (!blocks[b].metrics || (sh.keep_items && !blocks[b].items))
			goto nomem;
	}
	for (int i = 0; i < jobs; i++) {
		struct worker *w = &workers[i];
		w->sh = &sh;
		w->id = i;
		w->jobs = jobs;
		w->blocks = blocks;
		if (!(w->m = crm_model_new(sc, err)))
			goto fail;
		w->cf = crm_cashflow_new(w->m);
		w->rng = gsl_rng_alloc(gsl_rng_mt19937);
		w->g = malloc((cop.m + 1) * sizeof *w->g);
		w->x = calloc(res->nitems + 1, sizeof *w->x);
		if (!w->cf || !w->rng || !w->g || !w->x)
			goto nomem;
		w->cf->keep_inputs = 0;
		/* The tax needs every line's amounts, so no short way for after-tax metrics. */
		w->after_tax = opt->metrics[CRM_SIM_AFTER_TAX_NPV] || opt->metrics[CRM_SIM_AFTER_TAX_IRR] ||
			       opt->metrics[CRM_SIM_AFTER_TAX_PAYBACK];
		w->cf->keep_amounts = w->after_tax;
		/* IRR and MIRR need every period's net flow; the rest can take the short way. */
		w->fast = crm_model_summary_fast(w->m) && !opt->metrics[CRM_SIM_IRR] && !w->after_tax;
	}

	uint64_t next = 0;   /* next block number */
	int stop = 0;
	while (next < nblocks_total && !stop) {
		size_t nb = 0;
		for (; nb < (size_t)round_blocks && next + nb < nblocks_total; nb++) {
			uint64_t first = (next + nb) * CRM_SIM_BLOCK;
			blocks[nb].first = first;
			blocks[nb].count = (size_t)(opt->n - first < CRM_SIM_BLOCK ? opt->n - first
										    : CRM_SIM_BLOCK);
		}
		int used = jobs < (int)nb ? jobs : (int)nb;
		for (int i = 0; i < used; i++) {
			workers[i].nblocks = nb;
			workers[i].jobs = used;
		}
		run_parallel(worker_main, workers, sizeof *workers, used);
		/* Merge in block order. */
		for (size_t k = 0; k < nb && !stop; k++) {
			struct block *b = &blocks[k];
			if (b->st != CRM_OK) {
				st = b->st;
				if (err)
					*err = b->err;
				goto done;
			}
			for (int m = 0; m < CRM_SIM_NMETRICS; m++) {
				if (!res->metric[m].computed)
					continue;
				part_merge(&total[m], &b->part[m]);
				if (b->first + b->count <= sh.exact_cap)
					continue;
				/* Past the exact store: build the histogram once, then bin. */
				if (!hist[m].count) {
					struct part *t = &total[m];
					double lo = 0, hi = 0;
					int any = 0;
					for (uint64_t i = 0; i < sh.exact_cap; i++)
						if (!isnan(sh.exact[m][i])) {
							lo = any && lo < sh.exact[m][i] ? lo : sh.exact[m][i];
							hi = any && hi > sh.exact[m][i] ? hi : sh.exact[m][i];
							any = 1;
						}
					double span = hi - lo > 0 ? hi - lo : fabs(lo) * 1e-6 + 1e-9;
					hist[m].lo = lo - span;
					hist[m].width = 3 * span / CRM_SIM_HIST_BINS;
					hist[m].count = calloc(CRM_SIM_HIST_BINS, sizeof *hist[m].count);
					if (!hist[m].count)
						goto nomem;
					for (uint64_t i = 0; i < sh.exact_cap; i++)
						hist_add(&hist[m], sh.exact[m][i]);
					(void)t;
				}
				for (size_t i = 0; i < b->count; i++)
					if (b->first + i >= sh.exact_cap)
						hist_add(&hist[m], b->metrics[i * CRM_SIM_NMETRICS + m]);
			}
			res->npv_negative += b->npv_neg;
			res->payback_not_reached += b->pb_not;
			res->model_undefined += b->model_undef;
			res->iterations = b->first + b->count;
			if (opt->samples &&
			    opt->samples(opt->samples_ctx, b->first, b->count, res->nitems, b->items,
					 b->metrics) != 0) {
				st = crm_error_set(err, CRM_EIO, NULL, 0, 0, "cannot write the samples");
				goto done;
			}
			struct part *t = &total[CRM_SIM_NPV];
			if (t->n >= 2 && t->mean != 0) {
				double hw = Z975 * sqrt(t->m2 / (double)(t->n - 1)) / sqrt((double)t->n);
				res->achieved_precision = hw / fabs(t->mean);
				if (opt->precision > 0 && res->achieved_precision <= opt->precision) {
					stop = 1;
					res->stopped_early = res->iterations < opt->n;
				}
			}
		}
		next += nb;
		if (opt->progress)
			opt->progress(opt->progress_ctx, res->iterations, opt->n);
	}

	/* Exact stores sorted first, one thread per metric (each sort is independent). */
	struct sort_job sorts[CRM_SIM_NMETRICS];
	int nsorts = 0;
	uint64_t upto = res->iterations < sh.exact_cap ? res->iterations : sh.exact_cap;
	for (int m = 0; m < CRM_SIM_NMETRICS; m++)
		if (res->metric[m].computed && !hist[m].count)
			sorts[nsorts++] = (struct sort_job){ m, sh.exact[m], upto, 0 };
	run_parallel(compact_sorted, sorts, sizeof *sorts, nsorts < jobs ? nsorts : jobs);
	for (int k = nsorts < jobs ? nsorts : jobs; k < nsorts; k++)
		compact_sorted(&sorts[k]);
	size_t kept[CRM_SIM_NMETRICS] = { 0 };
	for (int k = 0; k < nsorts; k++)
		kept[sorts[k].metric] = sorts[k].kept;

	/* Statistics. */
	for (int m = 0; m < CRM_SIM_NMETRICS; m++) {
		crm_sim_metric *r = &res->metric[m];
		struct part *t = &total[m];
		if (!r->computed)
			continue;
		r->defined = t->n;
		r->undefined = t->undef;
		if (!t->n)
			continue;
		r->mean = t->mean;
		r->min = t->min;
		r->max = t->max;
		r->sd = t->n > 1 ? sqrt(t->m2 / (double)(t->n - 1)) : 0;
		r->sem = r->sd / sqrt((double)t->n);
		size_t nbins = opt->hist_bins > 0 ? (size_t)opt->hist_bins : 20;
		if (report_hist(r, nbins) != 0)
			goto nomem;
		if (!hist[m].count) {
			size_t k = kept[m];
			r->exact = 1;
			for (int q = 0; q < CRM_SIM_NPCT; q++)
				r->pct[q] = gsl_stats_quantile_from_sorted_data(sh.exact[m], 1, k,
										crm_sim_percentiles[q] / 100);
			for (size_t i = 0; i < k; i++)
				r->bin_count[display_bin(r, sh.exact[m][i])]++;
		} else {
			hist_quantiles(&hist[m], t->n, r);
			r->pct_accuracy = hist[m].width;
			r->bin_count[0] += hist[m].under;
			r->bin_count[nbins - 1] += hist[m].over;
			for (size_t i = 0; i < CRM_SIM_HIST_BINS; i++)
				if (hist[m].count[i])
					r->bin_count[display_bin(r, hist[m].lo + hist[m].width * ((double)i + 0.5))] +=
						hist[m].count[i];
		}
	}

	/*
	 * Rank correlations of each item with NPV over the first draws with a
	 * defined NPV: Pearson correlation of ranks (ties get their average rank),
	 * which is Spearman's coefficient; NPV is ranked once for all items.
	 */
	res->rank_corr = malloc((res->nitems + 1) * sizeof *res->rank_corr);
	uint64_t rn = res->iterations < sh.rank_cap ? res->iterations : sh.rank_cap;
	double *xs = malloc(((size_t)rn + 1) * sizeof *xs);
	double *ry = malloc(((size_t)rn + 1) * sizeof *ry);
	struct keyed *perm = malloc(((size_t)rn + 1) * sizeof *perm);
	if (!res->rank_corr || !xs || !ry || !perm) {
		free(xs);
		free(ry);
		free(perm);
		goto nomem;
	}
	size_t nk = 0;
	for (uint64_t i = 0; i < rn; i++)
		if (!isnan(sh.rank_npv[i]))
			xs[nk++] = sh.rank_npv[i];
	res->rank_draws = nk;
	ranks(xs, nk, ry, perm);
	/* Each value's ranks are independent: spread them over the threads. */
	struct rank_job rj = { &sh, res, rn, nk, ry, 0, 0, 1 };
	int tjobs = jobs < (int)res->nitems ? jobs : (int)(res->nitems ? res->nitems : 1);
	struct rank_job *rjs = calloc((size_t)tjobs, sizeof *rjs);
	if (!rjs) {
		free(xs);
		free(ry);
		free(perm);
		goto nomem;
	}
	for (int i = 0; i < tjobs; i++) {
		rjs[i] = rj;
		rjs[i].id = i;
		rjs[i].jobs = tjobs;
	}
	run_parallel(rank_worker, rjs, sizeof *rjs, tjobs);
	int rank_failed = 0;
	for (int i = 0; i < tjobs; i++)
		rank_failed |= rjs[i].failed;
	free(rjs);
	if (rank_failed) {
		free(xs);
		free(ry);
		free(perm);
		goto nomem;
	}
	free(xs);
	free(ry);
	free(perm);
	goto done;
nomem:
	st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory for the simulation");
	goto done;
fail:
	st = err ? err->status : CRM_ENOMEM;
done:
	free_workers(workers, jobs);
	for (int b = 0; blocks && b < round_blocks; b++) {
		free(blocks[b].metrics);
		free(blocks[b].items);
	}
	free(blocks);
	for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
		free(sh.exact[k]);
		free(hist[k].count);
	}
	free(sh.in_copula);
	free(sh.rank_items);
	free(sh.rank_npv);
	crm_copula_free(&cop);
	if (st != CRM_OK)
		crm_sim_result_free(res);
	return st;
}
