/*
 * simulate.c - the Monte Carlo engine.
 *
 * A run has four stages, each a function below: set-up (the uncertain
 * items and their samplers, the copula, one model per thread, the stores),
 * draw (a chunk of draws, item by item, into columns), evaluate
 * (the chunk at once by crm_model_summary_batch when the model takes the
 * short way; a draw it cannot decide, or every draw of a model that cannot
 * take it, alone: its values set into the thread's model and evaluated) and
 * summarise (moments, percentiles, histograms, rank correlations). A block's
 * moments are summed chunk by chunk, two passes over each.
 *
 * Draws are grouped in blocks of CRM_SIM_BLOCK. Block b draws from its own
 * random stream (SIM_RNG) seeded from (seed, b), so what a block computes does
 * not depend on which thread runs it. Threads take the blocks of a round as
 * they come free; the calling thread then merges block summaries strictly in
 * block order (means and variances with Chan's pairwise update), so sums are
 * added in the same order whatever the number of threads, and a --precision
 * stop happens after the same block. Memory does not grow with the number of
 * draws: the first CRM_SIM_EXACT_MAX values of each metric are kept for exact
 * percentiles, and later ones go into a fine histogram.
 */
#include "crmroi/simulate.h"
#include "crmroi/metrics.h"
#include "crmroi/aftertax.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crmroi/metrics.h"
#include "crmroi/model.h"
#include "rng.h"
#include "simstats.h"

const double crm_sim_percentiles[CRM_SIM_NPCT] = { 5, 10, 25, 50, 75, 90, 95 };

/*
 * L'Ecuyer's maximally equidistributed Tausworthe generator: among GSL's
 * simulation-quality generators the fastest per number, with 3 words of
 * state, so seeding a block costs nothing.
 */
#define SIM_RNG crm_rng_taus2x8
#define BLOCKS_PER_THREAD 16    /* blocks per thread in a round, taken as threads come free */
#define ROUND_VALUES (32u << 20) /* values a round's blocks keep, at most (unless one block needs more) */
#define Z975 1.959963984540054 /* 97.5th percentile of the standard normal */
#define DISPLAY_BINS 20        /* bins of the reported histogram unless asked otherwise */
/*
 * Draws drawn and evaluated together: SIM_CHUNK, or fewer for a model so
 * large that a thread's columns would pass SIM_COLUMNS_MAX values (a power
 * of 2 down to 8, so that a chunk divides CRM_SIM_BLOCK). The size depends
 * on the scenario only, so the draws do not depend on the threads.
 */
#define SIM_CHUNK 256
#define SIM_COLUMNS_MAX (16384 * SIM_CHUNK)

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
	uint64_t npv_neg, npv_below, at_neg, pb_not, model_undef;
	crm_error undef_err;       /* why the block's first undefined draw was, when model_undef */
	crm_status st;
	crm_error err;
};

/* What every thread reads, and the stores each block writes its own part of. */
struct shared {
	const crm_sim_options *opt;
	const crm_uncertain *items;
	crm_sampler **samplers;    /* nitems */
	size_t nitems;
	size_t chunk;              /* draws drawn and evaluated together */
	size_t stride;             /* a column's length: the chunk and a cache line more */
	const crm_copula *cop;
	int computed[CRM_SIM_NMETRICS];   /* NPV, and the metrics asked for */
	double irr_guess;          /* the base case's IRR (or the discount rate): where IRR searches start */
	/*
	 * Dated discounting, for IRR: the discount factors of the model's days
	 * at the rates XIRR scans and at irr_guess, computed once for every
	 * worker (read only while the draws run).
	 */
	crm_xirr_days *xdays;
	double *guess_e;
	int keep_items;            /* for the samples file */
	double *rank_items;        /* nitems x rank_cap: item t of draw i at [t * rank_cap + i] */
	double *rank_npv;
	uint64_t rank_cap;
	double *exact[CRM_SIM_NMETRICS];
	uint64_t exact_cap;
	struct block *blocks;      /* the round's blocks */
	size_t nblocks;
	atomic_size_t next;        /* the round's next block to run */
};

struct worker {
	struct shared *sh;
	crm_model *m;
	crm_cashflow *cf;
	gsl_rng *rng;
	double *g, *x;             /* copula normals; one draw's item values */
	double *net, *pw;          /* periods: a draw's net flows, and IRR's scratch */
	double *guess_pw;          /* periods: powers of the discount factor at irr_guess */
	/* Dated discounting: the model's days (borrowed), and a draw's flow on each. */
	size_t ndays;
	const double *day_t;
	double *day_v;
	int fast;                  /* crm_model_summary serves the metrics asked for */
	double *cols;              /* nitems x the stride: a chunk's draws, by item */
	crm_batch *batch;          /* the chunk's short way (NULL: one draw at a time) */
	crm_batch_draws bd;        /* the chunk's columns, as the batch reads them */
	crm_batch_result br;       /* and its results */
	int after_tax;             /* after-tax metrics asked for */
	int peak;                  /* peak funding by month asked for */
	double *month;             /* months: a draw's net flow per month (peak funding) */
};

/* One run: the set-up stage's product, which the later stages use. */
struct run {
	const crm_scenario *sc;
	struct shared sh;
	crm_copula cop;
	int jobs;
	struct worker *workers;    /* jobs */
	struct block *blocks;      /* round_blocks */
	int round_blocks;
	struct part total[CRM_SIM_NMETRICS];
	crm_simstats_hist hist[CRM_SIM_NMETRICS];   /* count NULL until past the exact store */
};

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

/* ------------------------------------------------------------------- draw */

/* Draw i of the chunk: its item values into w->x. */
static void take_draw(struct worker *w, size_t i)
{
	const struct shared *sh = w->sh;

	for (size_t t = 0; t < sh->nitems; t++)
		w->x[t] = w->cols[t * sh->stride + i];
}

/* The draw in w->x, set into the worker's model to evaluate it alone. */
static void set_draw(struct worker *w)
{
	const struct shared *sh = w->sh;

	for (size_t t = 0; t < sh->nitems; t++) {
		const crm_uncertain *u = &sh->items[t];
		switch (u->kind) {
		case CRM_ITEM_INPUT: crm_model_override(w->m, (size_t)u->index, w->x[t]); break;
		case CRM_ITEM_LINE: crm_model_override_line(w->m, (size_t)u->index, w->x[t]); break;
		case CRM_ITEM_EVENT: crm_model_set_occurs(w->m, (size_t)u->index, w->x[t] > 0.5); break;
		}
	}
}

/* --------------------------------------------------------------- evaluate */

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

/* The headline IRR: of the roots found, the one nearest the discount rate (NaN: none). */
static double nearest_root(const crm_irr *irr, double rate)
{
	double best = NAN;

	for (size_t i = 0; i < irr->nroots; i++)
		if (i == 0 || fabs(irr->roots[i] - rate) < fabs(best - rate))
			best = irr->roots[i];
	return best;
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
		out[CRM_SIM_IRR] = nearest_root(&irr, crm_model_settings(w->m)->discount_rate);
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
	if (w->peak) {
		int months = crm_scenario_months(crm_model_scenario(w->m));
		double cum = 0, low = 0;
		crm_cashflow_month_net(w->m, cf, w->month);
		for (int mo = 0; mo <= months; mo++) {
			cum += w->month[mo];
			low = cum < low ? cum : low;
		}
		out[CRM_SIM_PEAK_FUNDING] = low;
	}
	if (w->after_tax)
		return measure_after_tax(w, out, err);
	return CRM_OK;
}

/*
 * IRR on the short way: the draw's net flows from its line values, and the
 * one root of flows that change sign once, warm-started at the base case's
 * IRR; crm_irr_solve for any other shape.
 */
static crm_status irr_of(struct worker *w, const double *net, double *out, crm_error *e)
{
	const crm_cashflow *cf = w->cf;
	size_t np = (size_t)cf->nperiods + 1;
	int ppy = 12 / cf->months_per_period;
	crm_irr irr;
	crm_status st;

	int found = crm_irr_fast(net, np, ppy, w->sh->irr_guess, w->guess_pw, w->pw, out);
	if (found >= 0)
		return CRM_OK;
	/* A root the solver cannot find counts as a draw with no IRR. */
	if ((st = crm_irr_solve(net, np, ppy, &irr, e)) == CRM_ENOMEM)
		return st;
	if (st != CRM_OK)
		irr.nroots = 0;
	*out = nearest_root(&irr, crm_model_settings(w->m)->discount_rate);
	return CRM_OK;
}

/*
 * The XIRR of a draw's flows on the model's days (w->day_v): the one root,
 * warm-started at the base case's IRR, when the flows change sign once;
 * for any other shape the roots crm_xirr_solve finds, from the days'
 * discount factors computed once for the run.
 */
static crm_status xirr_of(struct worker *w, double *out, crm_error *e)
{
	crm_irr irr;
	crm_status st;

	int found = crm_xirr_fast(w->day_v, w->day_t, w->ndays, w->sh->irr_guess, w->sh->guess_e, out);
	if (found >= 0)
		return CRM_OK;
	/* A root the solver cannot find counts as a draw with no IRR. */
	if ((st = crm_xirr_solve_days(w->sh->xdays, w->day_v, &irr, e)) == CRM_ENOMEM)
		return st;
	if (st != CRM_OK)
		irr.nroots = 0;
	*out = nearest_root(&irr, crm_model_settings(w->m)->discount_rate);
	return CRM_OK;
}

static crm_status irr_short(struct worker *w, double *out, crm_error *e)
{
	const double *net = w->cf->net;   /* filled by crm_model_summary for payback */

	if (w->ndays) {
		crm_model_summary_dated_flows(w->m, w->cf, w->net, w->day_v);
		return xirr_of(w, out, e);
	}

	if (!w->sh->opt->metrics[CRM_SIM_PAYBACK]) {
		crm_model_summary_flows(w->m, w->cf, w->net);
		net = w->net;
	}
	return irr_of(w, net, out, e);
}

/* The metrics of draw i of the chunk the batch evaluated (not one it left to evaluate alone). */
static crm_status from_batch(struct worker *w, size_t i, double *met, crm_error *e)
{
	const crm_sim_options *opt = w->sh->opt;
	const crm_batch_result *r = &w->br;

	for (int k = 0; k < CRM_SIM_NMETRICS; k++)
		met[k] = NAN;
	met[CRM_SIM_NPV] = r->npv[i];
	if (opt->metrics[CRM_SIM_ROI] && r->pv_costs[i] > 0)
		met[CRM_SIM_ROI] = r->npv[i] / r->pv_costs[i];
	if (opt->metrics[CRM_SIM_PAYBACK])
		met[CRM_SIM_PAYBACK] = r->payback[i];
	if (opt->metrics[CRM_SIM_DPAYBACK])
		met[CRM_SIM_DPAYBACK] = r->dpayback[i];
	if (!opt->metrics[CRM_SIM_IRR])
		return CRM_OK;
	if (w->ndays) {
		crm_batch_dated_flows(w->m, w->batch, i, w->net, w->day_v);
		return xirr_of(w, &met[CRM_SIM_IRR], e);
	}
	crm_batch_flows(w->m, w->batch, i, w->net);
	return irr_of(w, w->net, &met[CRM_SIM_IRR], e);
}

/*
 * The metrics of the drawn model into met (NaN when undefined or not asked
 * for): the short way when it applies and decides, else a full evaluation
 * (at once when moved says that the draw moves a line's months).
 * *undefined is set when the model is not a number for this draw (a
 * division by zero), which is counted, not an error.
 */
static crm_status evaluate(struct worker *w, double *met, int moved, int *undefined, crm_error *e)
{
	const crm_sim_options *opt = w->sh->opt;
	crm_status st = CRM_EUSAGE;

	*undefined = 0;
	if (w->fast && !moved) {
		crm_summary sm;
		st = crm_model_summary(w->m, w->cf, opt->metrics[CRM_SIM_PAYBACK],
				       opt->metrics[CRM_SIM_DPAYBACK], &sm, e);
		if (st == CRM_OK) {
			for (int k = 0; k < CRM_SIM_NMETRICS; k++)
				met[k] = NAN;
			met[CRM_SIM_NPV] = sm.npv;
			if (opt->metrics[CRM_SIM_ROI] && sm.pv_costs > 0)
				met[CRM_SIM_ROI] = sm.npv / sm.pv_costs;
			if (sm.payback_reached)
				met[CRM_SIM_PAYBACK] = sm.payback_months;
			if (sm.dpayback_reached)
				met[CRM_SIM_DPAYBACK] = sm.dpayback_months;
			if (opt->metrics[CRM_SIM_IRR])
				return irr_short(w, &met[CRM_SIM_IRR], e);
			return CRM_OK;
		}
	}
	/* The full evaluation: when the short way does not apply or cannot decide. */
	if (st == CRM_EUSAGE)
		st = crm_model_eval(w->m, w->cf, e);
	/* A month or a share of adoption no line can have (bad_value) stops the run, located. */
	if (st == CRM_EDATA && !w->cf->bad_value) {
		for (int k = 0; k < CRM_SIM_NMETRICS; k++)
			met[k] = NAN;
		*undefined = 1;
		return CRM_OK;
	}
	if (st != CRM_OK)
		return st;
	return measure(w, met, e);
}

/*
 * The summary of metric k over n draws' metrics (CRM_SIM_NMETRICS apart),
 * added to p: two passes over the values shifted by the first defined one,
 * so that equal values have exactly their value as mean and 0 as sum of
 * squares (a metric that does not vary shows a standard deviation of 0).
 */
static void part_add_n(struct part *p, const double *met, size_t n)
{
	struct part c = { 0 };
	double shift = 0, sum = 0;

	for (size_t i = 0; i < n; i++) {
		double x = met[i * CRM_SIM_NMETRICS];
		if (isnan(x))
			continue;
		if (!c.n) {
			shift = c.min = c.max = x;
		} else {
			c.min = x < c.min ? x : c.min;
			c.max = x > c.max ? x : c.max;
		}
		c.n++;
		sum += x - shift;
	}
	c.undef = n - c.n;
	if (c.n) {
		double d = sum / (double)c.n;
		c.mean = shift + d;
		for (size_t i = 0; i < n; i++) {
			double x = met[i * CRM_SIM_NMETRICS];
			if (!isnan(x))
				c.m2 += (x - shift - d) * (x - shift - d);
		}
	}
	part_merge(p, &c);
}

/*
 * Draws c0 .. c0 + n - 1 of block b, whose metrics are in place and whose
 * items are the worker's columns: into the block's summaries and the run's
 * stores.
 */
static void record_chunk(const struct shared *sh, struct block *b, size_t c0, size_t n,
			 const double *cols)
{
	const double *met = b->metrics + c0 * CRM_SIM_NMETRICS;
	uint64_t it = b->first + c0;

	for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
		if (!sh->computed[k])
			continue;
		part_add_n(&b->part[k], met + k, n);
		for (size_t i = 0; i < n && it + i < sh->exact_cap; i++)
			sh->exact[k][it + i] = met[i * CRM_SIM_NMETRICS + k];
	}
	for (size_t i = 0; i < n; i++) {
		const double *mi = met + i * CRM_SIM_NMETRICS;
		b->npv_neg += mi[CRM_SIM_NPV] < 0;
		b->npv_below += mi[CRM_SIM_NPV] < sh->opt->reference;
		b->at_neg += mi[CRM_SIM_AFTER_TAX_NPV] < 0;   /* NaN when not computed: never < 0 */
		b->pb_not += sh->opt->metrics[CRM_SIM_PAYBACK] && isnan(mi[CRM_SIM_PAYBACK]) &&
			     !isnan(mi[CRM_SIM_NPV]);
	}
	if (sh->keep_items)
		for (size_t i = 0; i < n; i++)
			for (size_t t = 0; t < sh->nitems; t++)
				b->items[(c0 + i) * sh->nitems + t] = cols[t * sh->stride + i];
	if (it < sh->rank_cap) {
		size_t k = sh->rank_cap - it < n ? (size_t)(sh->rank_cap - it) : n;
		for (size_t t = 0; t < sh->nitems; t++)
			memcpy(sh->rank_items + t * sh->rank_cap + it, cols + t * sh->stride,
			       k * sizeof *cols);
		for (size_t i = 0; i < k; i++)
			sh->rank_npv[it + i] = met[i * CRM_SIM_NMETRICS + CRM_SIM_NPV];
	}
}

static void run_block(struct worker *w, struct block *b)
{
	const struct shared *sh = w->sh;
	crm_error e;

	memset(b->part, 0, sizeof b->part);
	b->npv_neg = b->npv_below = b->at_neg = b->pb_not = b->model_undef = 0;
	b->st = CRM_OK;
	gsl_rng_set(w->rng, (unsigned long)crm_mix64(sh->opt->seed ^ crm_mix64(b->first / CRM_SIM_BLOCK)));
	for (size_t c0 = 0; c0 < b->count; c0 += sh->chunk) {
		size_t cn = b->count - c0 < sh->chunk ? b->count - c0 : sh->chunk;
		crm_uncertain_draw_columns(sh->items, sh->samplers, sh->nitems, sh->cop, w->rng, w->g,
					   w->cols, sh->stride, cn);
		if (w->batch) {
			w->bd.n = cn;
			/* cn is at most the batch's cap: never refused. */
			(void)crm_model_summary_batch(w->m, w->batch, &w->bd,
						      sh->opt->metrics[CRM_SIM_PAYBACK],
						      sh->opt->metrics[CRM_SIM_DPAYBACK], &w->br);
		}
		for (size_t i = 0; i < cn; i++) {
			double *met = b->metrics + (c0 + i) * CRM_SIM_NMETRICS;
			int undefined = 0;
			crm_status st;
			/* e is only read when an evaluation fails, so it is not cleared per draw. */
			if (w->batch && !w->br.full[i]) {
				st = from_batch(w, i, met, &e);
			} else {
				take_draw(w, i);
				set_draw(w);
				/* A draw that moves a line's months takes the full evaluation at once. */
				st = evaluate(w, met, w->batch && (w->br.full[i] & CRM_BATCH_MONTHS),
					      &undefined, &e);
			}
			if (st != CRM_OK) {
				b->st = st;
				b->err = e;
				return;
			}
			if (undefined && !b->model_undef++)
				b->undef_err = e;
		}
		record_chunk(sh, b, c0, cn, w->cols);
	}
}

/* Blocks of the round, taken one at a time as the thread comes free. */
static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct shared *sh = w->sh;
	size_t k;

	while ((k = atomic_fetch_add(&sh->next, 1)) < sh->nblocks)
		run_block(w, &sh->blocks[k]);
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

/* ----------------------------------------------------------------- set-up */

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
	free(res->tail_mean);
	free(res->item_mean);
	free(res->item_sd);
	memset(res, 0, sizeof *res);
}

static void run_free(struct run *r)
{
	for (int i = 0; r->workers && i < r->jobs; i++) {
		crm_cashflow_free(r->workers[i].cf);
		crm_model_free(r->workers[i].m);
		gsl_rng_free(r->workers[i].rng);
		free(r->workers[i].g);
		free(r->workers[i].x);
		free(r->workers[i].net);
		free(r->workers[i].pw);
		free(r->workers[i].guess_pw);
		free(r->workers[i].month);
		free(r->workers[i].day_v);
		free(r->workers[i].cols);
		crm_batch_free(r->workers[i].batch);
		free(r->workers[i].br.npv);
		free(r->workers[i].br.pv_costs);
		free(r->workers[i].br.payback);
		free(r->workers[i].br.dpayback);
		free(r->workers[i].br.full);
		free((void *)r->workers[i].bd.input);
		free((void *)r->workers[i].bd.line);
		free((void *)r->workers[i].bd.occurs);
	}
	free(r->workers);
	for (int b = 0; r->blocks && b < r->round_blocks; b++) {
		free(r->blocks[b].metrics);
		free(r->blocks[b].items);
	}
	free(r->blocks);
	crm_xirr_days_free(r->sh.xdays);
	free(r->sh.guess_e);
	for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
		free(r->sh.exact[k]);
		free(r->hist[k].count);
	}
	for (size_t t = 0; r->sh.samplers && t < r->sh.nitems; t++)
		crm_sampler_free(r->sh.samplers[t]);
	free(r->sh.samplers);
	free(r->sh.rank_items);
	free(r->sh.rank_npv);
	crm_copula_free(&r->cop);
}

static crm_status out_of_memory(const struct run *r, crm_error *err)
{
	return crm_error_set(err, CRM_ENOMEM, r->sc->file, 0, 0, "out of memory for the simulation");
}

/* The chunk's short way: the batch evaluator and the columns it reads. */
static crm_status batch_init(struct run *r, struct worker *w, crm_error *err)
{
	const crm_scenario *sc = r->sc;
	const double **in = calloc(sc->ninputs + 1, sizeof *in);
	const double **line = calloc(sc->nlines + 1, sizeof *line);
	const double **occ = calloc(sc->nlines + 1, sizeof *occ);
	crm_batch_result *br = &w->br;

	w->bd = (crm_batch_draws){ 0, in, line, occ };
	size_t chunk = r->sh.chunk;
	br->npv = malloc(chunk * sizeof *br->npv);
	br->pv_costs = malloc(chunk * sizeof *br->pv_costs);
	br->payback = malloc(chunk * sizeof *br->payback);
	br->dpayback = malloc(chunk * sizeof *br->dpayback);
	br->full = malloc(chunk);
	w->batch = crm_batch_new(w->m, chunk);
	if (!in || !line || !occ || !br->npv || !br->pv_costs || !br->payback || !br->dpayback ||
	    !br->full || !w->batch)
		return out_of_memory(r, err);
	for (size_t t = 0; t < r->sh.nitems; t++) {
		const crm_uncertain *u = &r->sh.items[t];
		const double *c = w->cols + t * r->sh.stride;
		switch (u->kind) {
		case CRM_ITEM_INPUT: in[u->index] = c; break;
		case CRM_ITEM_LINE: line[u->index] = c; break;
		case CRM_ITEM_EVENT: occ[u->index] = c; break;
		}
	}
	return CRM_OK;
}

/* A model, a result buffer, a generator and scratch for one thread. */
static crm_status worker_init(struct run *r, struct worker *w, crm_error *err)
{
	const crm_sim_options *opt = r->sh.opt;

	w->sh = &r->sh;
	if (!(w->m = crm_model_new(r->sc, err)))
		return err ? err->status : CRM_ENOMEM;
	w->cf = crm_cashflow_new(w->m);
	w->rng = gsl_rng_alloc(SIM_RNG);
	w->g = malloc((r->cop.m + 1) * sizeof *w->g);
	w->x = calloc(r->sh.nitems + 1, sizeof *w->x);
	w->net = malloc(((size_t)crm_model_periods(w->m) + 1) * sizeof *w->net);
	w->pw = malloc(((size_t)crm_model_periods(w->m) + 1) * sizeof *w->pw);
	w->guess_pw = malloc(((size_t)crm_model_periods(w->m) + 1) * sizeof *w->guess_pw);
	if (!w->cf || !w->rng || !w->g || !w->x || !w->net || !w->pw || !w->guess_pw)
		return out_of_memory(r, err);
	w->cf->keep_inputs = 0;
	/* The tax needs every line's amounts, so no short way for after-tax metrics. */
	w->after_tax = opt->metrics[CRM_SIM_AFTER_TAX_NPV] || opt->metrics[CRM_SIM_AFTER_TAX_IRR] ||
		       opt->metrics[CRM_SIM_AFTER_TAX_PAYBACK];
	/* Peak funding by month spreads every line's amounts over its months. */
	w->peak = opt->metrics[CRM_SIM_PEAK_FUNDING];
	w->cf->keep_amounts = w->after_tax || w->peak;
	if (w->peak && !(w->month = malloc(((size_t)crm_scenario_months(r->sc) + 1) *
					   sizeof *w->month)))
		return out_of_memory(r, err);
	/*
	 * Dated discounting: the short way lays a draw's flows on the model's
	 * fixed days, so IRR takes the days' discount factors computed once.
	 */
	w->ndays = crm_model_dated_days(w->m, &w->day_t);
	if (w->ndays && !(w->day_v = malloc(w->ndays * sizeof *w->day_v)))
		return out_of_memory(r, err);
	w->fast = crm_model_summary_fast(w->m) && !w->after_tax && !w->peak;
	if (!(w->cols = malloc((r->sh.nitems + 1) * r->sh.stride * sizeof *w->cols)))
		return out_of_memory(r, err);
	return w->fast ? batch_init(r, w, err) : CRM_OK;
}

/* The base case's IRR, where every draw's IRR search starts; the discount rate if it has none. */
static double base_irr(const struct worker *w)
{
	double rate = crm_model_settings(w->m)->discount_rate, best;
	crm_model *m = crm_model_new(crm_model_scenario(w->m), NULL);
	crm_cashflow *cf = m ? crm_cashflow_new(m) : NULL;
	crm_irr irr;

	if (cf && crm_model_eval(m, cf, NULL) == CRM_OK &&
	    crm_cashflow_irr(m, cf, &irr, NULL) == CRM_OK &&
	    !isnan(best = nearest_root(&irr, rate)))
		rate = best;
	crm_cashflow_free(cf);
	crm_model_free(m);
	return rate;
}

/*
 * The set-up stage: the uncertain items (into res), the copula, the stores
 * for exact percentiles and rank correlations, the round's blocks and one
 * worker per thread. On failure the caller frees r with run_free.
 */
static crm_status setup(struct run *r, const crm_scenario *sc, const crm_sim_options *opt,
			crm_sim_result *res, crm_error *err)
{
	struct shared *sh = &r->sh;
	crm_status st;

	r->sc = sc;
	r->jobs = opt->jobs > 0 ? opt->jobs : 1;
	r->round_blocks = r->jobs * BLOCKS_PER_THREAD;
	if ((st = crm_uncertain_list(sc, &res->items, &res->nitems, err)) != CRM_OK)
		return st;
	if ((st = crm_copula_init(&r->cop, sc, res->items, res->nitems, err)) != CRM_OK)
		return st;
	res->correlated = sc->ncorrelations > 0;
	sh->opt = opt;
	sh->items = res->items;
	sh->nitems = res->nitems;
	sh->cop = &r->cop;
	sh->keep_items = opt->samples != NULL;
	/*
	 * A round's blocks keep every draw's metrics, and its items for a samples
	 * file: fewer blocks in a round for many items or many threads. The
	 * draws do not depend on it.
	 */
	size_t per_block = CRM_SIM_BLOCK * (CRM_SIM_NMETRICS + (sh->keep_items ? res->nitems + 1 : 0));
	size_t most = ROUND_VALUES / per_block;
	if ((size_t)r->round_blocks > most)
		r->round_blocks = most > 1 ? (int)most : 1;
	/* Columns of items, inputs and lines per thread: the chunk keeps them bounded. */
	size_t ncol = res->nitems + sc->ninputs + sc->nlines + 1;
	for (sh->chunk = SIM_CHUNK; sh->chunk > 8 && ncol * sh->chunk > SIM_COLUMNS_MAX;)
		sh->chunk /= 2;
	/* Columns apart in the cache's sets: a cache line more than the chunk. */
	sh->stride = sh->chunk + 8;
	if (!(sh->samplers = calloc(res->nitems + 1, sizeof *sh->samplers)))
		return out_of_memory(r, err);
	for (size_t t = 0; t < res->nitems; t++)
		if (!(sh->samplers[t] = crm_sampler_new(&res->items[t])))
			return out_of_memory(r, err);
	sh->rank_cap = opt->n < CRM_SIM_RANK_MAX ? opt->n : CRM_SIM_RANK_MAX;
	if (sh->rank_cap > CRM_SIM_RANK_VALUES / (res->nitems + 1))
		sh->rank_cap = CRM_SIM_RANK_VALUES / (res->nitems + 1);
	if (sh->rank_cap < 1)
		sh->rank_cap = 1;
	sh->rank_items = malloc((size_t)sh->rank_cap * (res->nitems + 1) * sizeof(double));
	sh->rank_npv = malloc((size_t)sh->rank_cap * sizeof(double));
	uint64_t exact_max = opt->exact_max ? opt->exact_max : CRM_SIM_EXACT_MAX;
	sh->exact_cap = opt->n < exact_max ? opt->n : exact_max;
	if (!sh->rank_items || !sh->rank_npv)
		return out_of_memory(r, err);
	for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
		sh->computed[k] = res->metric[k].computed = k == CRM_SIM_NPV || opt->metrics[k];
		if (sh->computed[k] && !(sh->exact[k] = malloc((size_t)sh->exact_cap * sizeof(double))))
			return out_of_memory(r, err);
	}
	r->workers = calloc((size_t)r->jobs, sizeof *r->workers);
	r->blocks = calloc((size_t)r->round_blocks, sizeof *r->blocks);
	if (!r->workers || !r->blocks)
		return out_of_memory(r, err);
	for (int b = 0; b < r->round_blocks; b++) {
		r->blocks[b].metrics = malloc(CRM_SIM_BLOCK * CRM_SIM_NMETRICS * sizeof(double));
		r->blocks[b].items = sh->keep_items ? malloc(CRM_SIM_BLOCK * (res->nitems + 1) *
							     sizeof(double)) : NULL;
		if (!r->blocks[b].metrics || (sh->keep_items && !r->blocks[b].items))
			return out_of_memory(r, err);
	}
	sh->blocks = r->blocks;
	for (int i = 0; i < r->jobs; i++)
		if ((st = worker_init(r, &r->workers[i], err)) != CRM_OK)
			return st;
	if (opt->metrics[CRM_SIM_IRR]) {
		const struct worker *w0 = &r->workers[0];
		sh->irr_guess = base_irr(w0);
		for (int i = 0; i < r->jobs; i++) {
			const crm_cashflow *cf = r->workers[i].cf;
			crm_irr_powers((size_t)cf->nperiods + 1, 12 / cf->months_per_period, sh->irr_guess,
				       r->workers[i].guess_pw);
		}
		if (w0->ndays) {
			/* Every worker's model has the same days. */
			if (!(sh->xdays = crm_xirr_days_new(w0->day_t, w0->ndays)) ||
			    !(sh->guess_e = malloc(w0->ndays * sizeof *sh->guess_e)))
				return out_of_memory(r, err);
			crm_xirr_factors(w0->day_t, w0->ndays, sh->irr_guess, sh->guess_e);
		}
	}
	return CRM_OK;
}

/* ------------------------------------------------------------ draw rounds */

/*
 * Once the draws pass the exact store, metric m's later values go into a
 * fine histogram whose range the stored values set.
 */
struct hist_job {
	struct run *r;
	int metric;
	int failed;
};

/* Metric m's fine histogram from the exact store (one thread per metric). */
static void *hist_build(void *arg)
{
	struct hist_job *j = arg;
	const struct shared *sh = &j->r->sh;
	crm_simstats_hist *h = &j->r->hist[j->metric];

	h->nbins = CRM_SIM_HIST_BINS;
	if (!(h->count = calloc(CRM_SIM_HIST_BINS, sizeof *h->count))) {
		j->failed = 1;
		return NULL;
	}
	crm_simstats_hist_range(h, sh->exact[j->metric], (size_t)sh->exact_cap);
	for (uint64_t i = 0; i < sh->exact_cap; i++)
		crm_simstats_hist_add(h, sh->exact[j->metric][i]);
	return NULL;
}

/* The histograms of every metric computed, built together when the draws first pass the exact store. */
static crm_status hist_start(struct run *r, const struct block *b, crm_error *err)
{
	struct hist_job jobs[CRM_SIM_NMETRICS];
	int nj = 0;

	if (b->first + b->count <= r->sh.exact_cap)
		return CRM_OK;
	for (int m = 0; m < CRM_SIM_NMETRICS; m++)
		if (r->sh.computed[m] && !r->hist[m].count)
			jobs[nj++] = (struct hist_job){ r, m, 0 };
	if (!nj)
		return CRM_OK;
	int threads = nj < r->jobs ? nj : r->jobs;
	for (int k = 0; k < nj; k += threads)
		run_parallel(hist_build, jobs + k, sizeof *jobs, nj - k < threads ? nj - k : threads);
	for (int k = 0; k < nj; k++)
		if (jobs[k].failed)
			return out_of_memory(r, err);
	return CRM_OK;
}

static crm_status bin_block(struct run *r, int m, const struct block *b, crm_error *err)
{
	const struct shared *sh = &r->sh;
	crm_simstats_hist *h = &r->hist[m];

	(void)err;
	if (b->first + b->count <= sh->exact_cap)
		return CRM_OK;
	for (size_t i = 0; i < b->count; i++)
		if (b->first + i >= sh->exact_cap)
			crm_simstats_hist_add(h, b->metrics[i * CRM_SIM_NMETRICS + m]);
	return CRM_OK;
}

/* Merge block b, the next in draw order, into the totals; *stop once precise enough. */
static crm_status merge_block(struct run *r, crm_sim_result *res, const struct block *b,
			      int *stop, crm_error *err)
{
	const crm_sim_options *opt = r->sh.opt;
	crm_status st;

	if (b->st != CRM_OK) {
		if (err)
			*err = b->err;
		return b->st;
	}
	if ((st = hist_start(r, b, err)) != CRM_OK)
		return st;
	for (int m = 0; m < CRM_SIM_NMETRICS; m++) {
		if (!r->sh.computed[m])
			continue;
		part_merge(&r->total[m], &b->part[m]);
		if ((st = bin_block(r, m, b, err)) != CRM_OK)
			return st;
	}
	res->npv_negative += b->npv_neg;
	res->npv_below_reference += b->npv_below;
	res->after_tax_negative += b->at_neg;
	res->payback_not_reached += b->pb_not;
	if (b->model_undef && !res->model_undefined)
		res->first_undefined = b->undef_err;   /* blocks come in draw order */
	res->model_undefined += b->model_undef;
	res->iterations = b->first + b->count;
	if (opt->samples && opt->samples(opt->samples_ctx, b->first, b->count, res->nitems,
					 b->items, b->metrics) != 0)
		return crm_error_set(err, CRM_EIO, NULL, 0, 0, "cannot write the samples");
	const struct part *t = &r->total[CRM_SIM_NPV];
	if (t->n >= 2 && t->mean != 0) {
		double hw = Z975 * sqrt(t->m2 / (double)(t->n - 1)) / sqrt((double)t->n);
		res->achieved_precision = hw / fabs(t->mean);
		if (opt->precision > 0 && res->achieved_precision <= opt->precision) {
			*stop = 1;
			res->stopped_early = res->iterations < opt->n;
		}
	}
	return CRM_OK;
}

/* The draw and evaluate stages, round by round, each round merged in block order. */
static crm_status run_rounds(struct run *r, crm_sim_result *res, crm_error *err)
{
	const crm_sim_options *opt = r->sh.opt;
	uint64_t nblocks_total = (opt->n + CRM_SIM_BLOCK - 1) / CRM_SIM_BLOCK;
	uint64_t next = 0;   /* next block number */
	int stop = 0;
	crm_status st;

	while (next < nblocks_total && !stop) {
		size_t nb = 0;
		for (; nb < (size_t)r->round_blocks && next + nb < nblocks_total; nb++) {
			uint64_t first = (next + nb) * CRM_SIM_BLOCK;
			r->blocks[nb].first = first;
			r->blocks[nb].count = (size_t)(opt->n - first < CRM_SIM_BLOCK ? opt->n - first
										       : CRM_SIM_BLOCK);
		}
		r->sh.nblocks = nb;
		atomic_store(&r->sh.next, 0);
		run_parallel(worker_main, r->workers, sizeof *r->workers,
			     r->jobs < (int)nb ? r->jobs : (int)nb);
		for (size_t k = 0; k < nb && !stop; k++)
			if ((st = merge_block(r, res, &r->blocks[k], &stop, err)) != CRM_OK)
				return st;
		next += nb;
		if (opt->progress)
			opt->progress(opt->progress_ctx, res->iterations, opt->n);
	}
	return CRM_OK;
}

/* -------------------------------------------------------------- summarise */

/* The reported histogram: nbins equal bins from min to max. */
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

/* The draws in the worst level% of n: ceil(level% x n), at least 1. */
static size_t tail_count(double level, uint64_t n)
{
	double m = ceil(level / 100 * (double)n - 1e-9);
	return m < 1 ? 1 : m > (double)n ? (size_t)n : (size_t)m;
}

/* Percentiles of the exact stores by selection, one thread per metric. */
struct pct_job {
	int metric;
	double *v;
	uint64_t n;
	size_t kept;               /* defined values */
	double pct[CRM_SIM_NPCT];
	const double *levels;      /* NPV: the tail levels, to give value at risk and shortfall */
	double var[CRM_SIM_NTAIL], es[CRM_SIM_NTAIL];
};

static void *exact_percentiles(void *arg)
{
	struct pct_job *j = arg;
	size_t k = 0;

	for (uint64_t i = 0; i < j->n; i++)
		if (!isnan(j->v[i]))
			j->v[k++] = j->v[i];
	j->kept = k;
	if (k)
		crm_simstats_percentiles(j->v, k, crm_sim_percentiles, CRM_SIM_NPCT, j->pct);
	if (k && j->levels) {
		crm_simstats_percentiles(j->v, k, j->levels, CRM_SIM_NTAIL, j->var);
		for (int q = 0; q < CRM_SIM_NTAIL; q++)
			j->es[q] = crm_simstats_low_mean(j->v, k, tail_count(j->levels[q], k));
	}
	return NULL;
}

/* Moments, percentiles and the reported histogram of every metric computed. */
static crm_status summarise_metrics(struct run *r, crm_sim_result *res, crm_error *err)
{
	const crm_sim_options *opt = r->sh.opt;
	struct pct_job jobs[CRM_SIM_NMETRICS];
	int nj = 0;
	uint64_t upto = res->iterations < r->sh.exact_cap ? res->iterations : r->sh.exact_cap;

	for (int m = 0; m < CRM_SIM_NMETRICS; m++)
		if (r->sh.computed[m] && !r->hist[m].count)
			jobs[nj++] = (struct pct_job){ .metric = m, .v = r->sh.exact[m], .n = upto,
				.levels = m == CRM_SIM_NPV || m == CRM_SIM_PEAK_FUNDING ? res->tail_level
					  : NULL };
	int threads = nj < r->jobs ? nj : r->jobs;
	run_parallel(exact_percentiles, jobs, sizeof *jobs, threads);
	for (int k = threads; k < nj; k++)
		exact_percentiles(&jobs[k]);

	for (int m = 0, j = 0; m < CRM_SIM_NMETRICS; m++) {
		crm_sim_metric *out = &res->metric[m];
		const struct part *t = &r->total[m];
		const crm_simstats_hist *h = &r->hist[m];
		const struct pct_job *pj = NULL;
		if (!out->computed)
			continue;
		if (!h->count)
			pj = &jobs[j++];
		out->defined = t->n;
		out->undefined = t->undef;
		if (!t->n)
			continue;
		out->mean = t->mean;
		out->min = t->min;
		out->max = t->max;
		out->sd = t->n > 1 ? sqrt(t->m2 / (double)(t->n - 1)) : 0;
		out->sem = out->sd / sqrt((double)t->n);
		size_t nbins = opt->hist_bins > 0 ? (size_t)opt->hist_bins : DISPLAY_BINS;
		if (!(out->max > out->min))
			nbins = 1;   /* every draw the same value: one bin, not many empty ones */
		if (report_hist(out, nbins) != 0)
			return out_of_memory(r, err);
		double *var = m == CRM_SIM_NPV ? res->var : res->peak_var;
		double *es = m == CRM_SIM_NPV ? res->es : res->peak_es;
		if ((m == CRM_SIM_NPV || m == CRM_SIM_PEAK_FUNDING) && pj) {
			res->tail_exact = m == CRM_SIM_NPV ? 1 : res->tail_exact;
			memcpy(var, pj->var, sizeof pj->var);
			memcpy(es, pj->es, sizeof pj->es);
		} else if (m == CRM_SIM_NPV || m == CRM_SIM_PEAK_FUNDING) {
			crm_simstats_hist_percentiles(h, t->n, t->min, t->max, res->tail_level,
						      CRM_SIM_NTAIL, var);
			for (int q = 0; q < CRM_SIM_NTAIL; q++)
				es[q] = crm_simstats_hist_low_mean(h, tail_count(res->tail_level[q], t->n),
								   t->min, t->max);
		}
		if (pj) {
			out->exact = 1;
			memcpy(out->pct, pj->pct, sizeof out->pct);
			for (size_t i = 0; i < pj->kept; i++)
				out->bin_count[display_bin(out, pj->v[i])]++;
		} else {
			crm_simstats_hist_percentiles(h, t->n, out->min, out->max, crm_sim_percentiles,
						      CRM_SIM_NPCT, out->pct);
			out->pct_accuracy = h->width;
			out->bin_count[0] += h->under;
			out->bin_count[nbins - 1] += h->over;
			for (size_t i = 0; i < h->nbins; i++)
				if (h->count[i])
					out->bin_count[display_bin(out, h->lo + h->width * ((double)i + 0.5))] +=
						h->count[i];
		}
	}
	return CRM_OK;
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

/*
 * Item t's mean in the worst draws by NPV (those ranked at most
 * res->tail_draws), its mean and standard deviation in all k, from its values
 * xs in the order of the NPV ranks j->ry.
 */
static void tail_driver(const struct rank_job *j, size_t t, const double *xs, size_t k)
{
	crm_sim_result *res = j->res;
	long double in = 0, all = 0;
	uint64_t nin = 0;

	for (size_t i = 0; i < k; i++) {
		all += xs[i];
		if (j->ry[i] <= (double)res->tail_draws) {
			in += xs[i];
			nin++;
		}
	}
	res->item_mean[t] = k ? (double)(all / (long double)k) : NAN;
	res->tail_mean[t] = nin ? (double)(in / (long double)nin) : NAN;
	long double ss = 0;
	for (size_t i = 0; i < k; i++)
		ss += ((long double)xs[i] - res->item_mean[t]) * ((long double)xs[i] - res->item_mean[t]);
	res->item_sd[t] = k > 1 ? sqrt((double)(ss / (long double)(k - 1))) : NAN;
}

static void *rank_worker(void *arg)
{
	struct rank_job *j = arg;
	const struct shared *sh = j->sh;
	size_t nitems = j->res->nitems;
	double *xs = malloc((j->nk + 1) * sizeof *xs), *rx = malloc((j->nk + 1) * sizeof *rx);
	crm_simstats_keyed *tmp = malloc((3 * j->nk + 1) * sizeof *tmp);

	if (!xs || !rx || !tmp) {
		j->failed = 1;
	} else {
		for (size_t t = (size_t)j->id; t < nitems; t += (size_t)j->jobs) {
			size_t k = 0;
			for (uint64_t i = 0; i < j->rn; i++)
				if (!isnan(sh->rank_npv[i]))
					xs[k++] = sh->rank_items[t * sh->rank_cap + i];
			tail_driver(j, t, xs, k);
			crm_simstats_ranks(xs, k, rx, tmp);
			double c = k > 2 ? crm_simstats_rank_corr(rx, j->ry, k) : NAN;
			j->res->rank_corr[t] = isfinite(c) ? c : NAN;
		}
	}
	free(xs);
	free(rx);
	free(tmp);
	return NULL;
}

/*
 * Rank correlations of each item with NPV over the first draws with a
 * defined NPV: Pearson correlation of ranks (ties get their average rank),
 * which is Spearman's coefficient; NPV is ranked once for all items, and the
 * items are spread over the threads.
 */
static crm_status rank_correlations(struct run *r, crm_sim_result *res, crm_error *err)
{
	const struct shared *sh = &r->sh;
	uint64_t rn = res->iterations < sh->rank_cap ? res->iterations : sh->rank_cap;
	double *xs = malloc(((size_t)rn + 1) * sizeof *xs);
	double *ry = malloc(((size_t)rn + 1) * sizeof *ry);
	crm_simstats_keyed *perm = malloc((3 * (size_t)rn + 1) * sizeof *perm);
	int tjobs = r->jobs < (int)res->nitems ? r->jobs : (int)(res->nitems ? res->nitems : 1);
	struct rank_job *rjs = calloc((size_t)tjobs, sizeof *rjs);
	crm_status st;

	res->rank_corr = malloc((res->nitems + 1) * sizeof *res->rank_corr);
	res->tail_mean = malloc((res->nitems + 1) * sizeof *res->tail_mean);
	res->item_mean = malloc((res->nitems + 1) * sizeof *res->item_mean);
	res->item_sd = malloc((res->nitems + 1) * sizeof *res->item_sd);
	if (!res->rank_corr || !res->tail_mean || !res->item_mean || !res->item_sd || !xs || !ry ||
	    !perm || !rjs) {
		st = out_of_memory(r, err);
		goto done;
	}
	size_t nk = 0;
	for (uint64_t i = 0; i < rn; i++)
		if (!isnan(sh->rank_npv[i]))
			xs[nk++] = sh->rank_npv[i];
	res->rank_draws = nk;
	res->tail_draws = nk ? tail_count(res->tail_level[CRM_SIM_NTAIL - 1], nk) : 0;
	crm_simstats_ranks(xs, nk, ry, perm);
	for (int i = 0; i < tjobs; i++)
		rjs[i] = (struct rank_job){ sh, res, rn, nk, ry, 0, i, tjobs };
	run_parallel(rank_worker, rjs, sizeof *rjs, tjobs);
	st = CRM_OK;
	for (int i = 0; i < tjobs; i++)
		if (rjs[i].failed)
			st = out_of_memory(r, err);
done:
	free(rjs);
	free(xs);
	free(ry);
	free(perm);
	return st;
}

crm_status crm_simulate(const crm_scenario *sc, const crm_sim_options *opt, crm_sim_result *res,
			crm_error *err)
{
	struct run r;
	crm_status st;

	memset(res, 0, sizeof *res);
	memset(&r, 0, sizeof r);
	if (opt->n < 2)
		return crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "a simulation needs at least 2 "
				     "draws");
	if (opt->tail_levels[0] == 0 && opt->tail_levels[1] == 0) {
		res->tail_level[0] = 5;
		res->tail_level[1] = CRM_SIM_DRIVERS_TAIL;
	} else {
		for (int q = 0; q < CRM_SIM_NTAIL; q++)
			if (!(opt->tail_levels[q] > 0 && opt->tail_levels[q] < 100) ||
			    (q && !(opt->tail_levels[q] >= opt->tail_levels[q - 1])))
				return crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "the tail levels are "
						     "percentages above 0 and below 100, the second at "
						     "least the first");
		memcpy(res->tail_level, opt->tail_levels, sizeof res->tail_level);
	}
	for (int q = 0; q < CRM_SIM_NTAIL; q++)
		res->var[q] = res->es[q] = res->peak_var[q] = res->peak_es[q] = NAN;
	if ((st = setup(&r, sc, opt, res, err)) == CRM_OK &&
	    (st = run_rounds(&r, res, err)) == CRM_OK &&
	    (st = summarise_metrics(&r, res, err)) == CRM_OK)
		st = rank_correlations(&r, res, err);
	uint64_t with_npv = res->metric[CRM_SIM_NPV].defined;
	res->p_npv_negative = with_npv ? (double)res->npv_negative / (double)with_npv : NAN;
	res->p_payback_not_reached = with_npv ? (double)res->payback_not_reached / (double)with_npv
					      : NAN;
	uint64_t with_at = res->metric[CRM_SIM_AFTER_TAX_NPV].defined;
	res->p_after_tax_negative = res->metric[CRM_SIM_AFTER_TAX_NPV].computed && with_at
				    ? (double)res->after_tax_negative / (double)with_at : NAN;
	res->reference_share = with_npv && opt->has_reference
			       ? (double)res->npv_below_reference / (double)with_npv : NAN;
	run_free(&r);
	if (st != CRM_OK)
		crm_sim_result_free(res);
	return st;
}
