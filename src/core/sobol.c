/*
 * sobol.c - variance-based global sensitivity: first-order and total Sobol
 * indices of NPV.
 *
 * Saltelli's scheme: two n x k matrices A and B from the two halves of a 2k-
 * dimensional quasi-random sequence (GSL's Sobol generator goes to 40
 * dimensions; Halton, to 1229, takes over beyond 20 uncertain values), and for
 * each value i the matrix A with column i taken from B. Estimators:
 *   S_i  = mean(f(B) (f(A_B^i) - f(A))) / V        (Saltelli et al. 2010)
 *   ST_i = mean((f(A) - f(A_B^i))^2) / (2 V)       (Jansen 1999)
 * with V the variance of f over A and B together, and 95% intervals from
 * CRM_SOBOL_BOOTSTRAP bootstrap resamples of the n rows. Values are drawn
 * independently: correlations are ignored, as these estimators assume.
 */
#define _POSIX_C_SOURCE 200809L
#include "crmroi/simulate.h"

#include <gsl/gsl_qrng.h>
#include <pthread.h>
#include <unistd.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crmroi/model.h"

#define SOBOL_MAX_DIM 40
#define HALTON_MAX_DIM 1229
#define U_CLAMP 1e-12

void crm_sobol_result_free(crm_sobol_result *r)
{
	if (!r)
		return;
	free(r->items);
	free(r->first);
	free(r->first_lo);
	free(r->first_hi);
	free(r->total);
	free(r->total_lo);
	free(r->total_hi);
	memset(r, 0, sizeof *r);
}

/* Item u at the value x (a quantile of its distribution). */
static void item_put(crm_model *m, const crm_uncertain *u, double x)
{
	switch (u->kind) {
	case CRM_ITEM_INPUT: crm_model_override(m, (size_t)u->index, x); break;
	case CRM_ITEM_LINE: crm_model_override_line(m, (size_t)u->index, x); break;
	case CRM_ITEM_EVENT: crm_model_set_occurs(m, (size_t)u->index, x > 0.5); break;
	}
}

/* The quantile of item u at p, p kept off 0 and 1. */
static double item_quantile(const crm_uncertain *u, double p)
{
	return crm_uncertain_quantile(u, p < U_CLAMP ? U_CLAMP : p > 1 - U_CLAMP ? 1 - U_CLAMP : p);
}

/*
 * The model's values an item (or a group of items) moves: its input and
 * the inputs and lines that depend on it, its line's value, or an event's
 * line and the lines of its gate. As positions in the flags that
 * crm_model_summary_partial takes (inputs, then lines).
 */
struct deps {
	size_t n;
	size_t *at;
};

static int deps_of(const crm_model *m, const crm_scenario *sc, const crm_uncertain *items,
		   const size_t *which, size_t nwhich, char *flags, struct deps *out)
{
	size_t ni = sc->ninputs, nf = ni + sc->nlines, n = 0;

	for (size_t j = 0; j < nwhich; j++) {
		const crm_uncertain *u = &items[which[j]];
		if (u->kind == CRM_ITEM_INPUT) {
			flags[u->index] = 1;
		} else {
			int g = sc->lines[u->index].group;
			flags[ni + (size_t)u->index] = 1;
			for (size_t l = 0; u->kind == CRM_ITEM_EVENT && g >= 0 && l < sc->nlines; l++)
				flags[ni + l] |= sc->lines[l].group == g;
		}
	}
	crm_model_dependents(m, flags, flags + ni);
	for (size_t f = 0; f < nf; f++)
		n += flags[f] != 0;
	out->n = 0;
	if (!(out->at = malloc((n + 1) * sizeof *out->at)))
		return -1;
	for (size_t f = 0; f < nf; f++)
		if (flags[f]) {
			out->at[out->n++] = f;
			flags[f] = 0;
		}
	return 0;
}

/*
 * NPV of the model as its overrides stand, as crm_model_summary gives it,
 * or in full where the short way cannot decide. An evaluation after only
 * some items moved evaluates again what they change
 * (crm_model_summary_partial: the same number to the last bit), when the
 * previous one was a summary.
 */
struct evaluator {
	crm_model *m;
	crm_cashflow *cf;
	size_t ni;
	char *flags;      /* inputs, then lines: all 0 between evaluations */
	int summary;      /* cf holds a summary that a partial one may follow */
};

/* 0, or -1 when NPV is undefined at this point. */
static int npv_all(struct evaluator *ev, double *out)
{
	crm_summary s;
	crm_error e;
	crm_status st = crm_model_summary(ev->m, ev->cf, 0, 0, &s, &e);

	ev->summary = st == CRM_OK;
	if (st == CRM_OK) {
		*out = s.npv;
		return 0;
	}
	if (st != CRM_EUSAGE || crm_model_eval(ev->m, ev->cf, &e) != CRM_OK)
		return -1;
	*out = ev->cf->cumulative_pv[ev->cf->nperiods];
	return 0;
}

/* The same when only the values of a and b (either may be NULL) moved since the last evaluation. */
static int npv_moved(struct evaluator *ev, const struct deps *a, const struct deps *b, double *out)
{
	crm_summary s;
	crm_error e;

	if (!ev->summary)
		return npv_all(ev, out);
	for (const struct deps *d = a; d; d = d == a ? b : NULL)
		for (size_t j = 0; j < d->n; j++)
			ev->flags[d->at[j]] = 1;
	crm_status st = crm_model_summary_partial(ev->m, ev->cf, ev->flags, ev->flags + ev->ni, &s,
						  &e);
	for (const struct deps *d = a; d; d = d == a ? b : NULL)
		for (size_t j = 0; j < d->n; j++)
			ev->flags[d->at[j]] = 0;
	if (st == CRM_OK) {
		*out = s.npv;
		return 0;
	}
	/* The full summary comes to the same status, and the full evaluation takes over as there. */
	return npv_all(ev, out);
}

/* Estimates from rows idx[0..n-1]. */
static void estimate(const double *fa, const double *fb, const double *fab, size_t n, size_t k,
		     const size_t *idx, double *s, double *st, double *v, double *scratch)
{
	for (size_t r = 0; r < n; r++) {
		scratch[r] = fa[idx[r]];
		scratch[n + r] = fb[idx[r]];
	}
	*v = gsl_stats_variance(scratch, 1, 2 * n);
	for (size_t i = 0; i < k; i++) {
		double a = 0, b = 0;
		const double *fi = fab + i * n;
		for (size_t r = 0; r < n; r++) {
			size_t j = idx[r];
			a += fb[j] * (fi[j] - fa[j]);
			b += (fa[j] - fi[j]) * (fa[j] - fi[j]);
		}
		s[i] = *v > 0 ? a / (double)n / *v : NAN;
		st[i] = *v > 0 ? b / (2.0 * (double)n) / *v : NAN;
	}
}

/* The items ranked by how much NPV swings between their 5th and 95th percentiles, the others at base. */
struct screen {
	double swing;
	size_t i;
};

static int screen_cmp(const void *x, const void *y)
{
	const struct screen *a = x, *b = y;
	if (a->swing != b->swing)
		return a->swing < b->swing ? 1 : -1;
	return (a->i > b->i) - (a->i < b->i);
}

static void item_clear(crm_model *m, const crm_uncertain *u)
{
	switch (u->kind) {
	case CRM_ITEM_INPUT: crm_model_clear_override(m, (size_t)u->index); break;
	case CRM_ITEM_LINE: crm_model_clear_line_override(m, (size_t)u->index); break;
	case CRM_ITEM_EVENT: crm_model_clear_occurs(m, (size_t)u->index); break;
	}
}

/*
 * Mark in pick[] the `top` items whose one-at-a-time swing of NPV is largest
 * (ties by order): 2 k evaluations, each of what one item moves. 0, or -1
 * when out of memory.
 */
static int screen_items(struct evaluator *ev, const crm_scenario *sc, const crm_uncertain *items,
			size_t k, size_t top, char *pick)
{
	struct screen *scr = malloc(k * sizeof *scr);
	struct deps d = { 0, NULL }, prev = { 0, NULL };
	double base;
	int rc = 0;

	if (!scr)
		return -1;
	npv_all(ev, &base);
	for (size_t i = 0; i < k; i++) {
		double lo = NAN, hi = NAN;
		if (deps_of(ev->m, sc, items, &i, 1, ev->flags, &d) != 0) {
			rc = -1;
			break;
		}
		/* The previous item is back at its base: what it moved is evaluated again too. */
		item_put(ev->m, &items[i], item_quantile(&items[i], 0.05));
		if (npv_moved(ev, &d, i ? &prev : NULL, &lo) != 0)
			lo = NAN;
		item_put(ev->m, &items[i], item_quantile(&items[i], 0.95));
		if (npv_moved(ev, &d, NULL, &hi) != 0)
			hi = NAN;
		item_clear(ev->m, &items[i]);
		scr[i].swing = isfinite(lo) && isfinite(hi) ? fabs(hi - lo) : INFINITY;
		scr[i].i = i;
		free(prev.at);
		prev = d;
		d.at = NULL;
	}
	free(prev.at);
	if (rc == 0) {
		qsort(scr, k, sizeof *scr, screen_cmp);
		memset(pick, 0, k);
		for (size_t j = 0; j < top; j++)
			pick[scr[j].i] = 1;
	}
	free(scr);
	return rc;
}

crm_status crm_sobol(const crm_scenario *sc, size_t n, uint64_t seed, crm_sobol_result *res,
		     crm_error *err)
{
	return crm_sobol_top(sc, n, seed, 0, res, err);
}

/*
 * The points of rows r0 to r1 of the sample, on a model of their own: A and
 * B from the points' values (xa, xb: n x kall, row-major), then A with each
 * item (or the group) from B. Each point is independent of the others, so
 * the rows split between threads give the same numbers as one thread.
 */
struct sobol_job {
	const crm_scenario *sc;
	const crm_uncertain *all;
	size_t kall, k, nrest, g, n;
	const size_t *pos, *rest;
	const struct deps *dep;
	double *xa, *xb;           /* in: the points' uniforms; out: the values they give */
	double *fa, *fb, *fab;
	size_t r0, r1;
	int undefined, nomem;
};

static void *sobol_rows(void *arg)
{
	struct sobol_job *j = arg;
	const crm_uncertain *all = j->all;
	crm_model *m = crm_model_new(j->sc, NULL);
	crm_cashflow *cf = m ? crm_cashflow_new(m) : NULL;
	char *flags = calloc(j->sc->ninputs + j->sc->nlines + 1, 1);
	size_t g = j->g, n = j->n, kall = j->kall;

	if (!cf || !flags) {
		j->nomem = 1;
		goto done;
	}
	cf->keep_inputs = 0;
	cf->keep_amounts = 0;
	struct evaluator ev = { m, cf, j->sc->ninputs, flags, 0 };
	for (size_t r = j->r0; r < j->r1; r++) {
		double *xa = j->xa + r * kall, *xb = j->xb + r * kall;
		for (size_t t = 0; t < kall; t++) {
			xa[t] = item_quantile(&all[t], xa[t]);
			xb[t] = item_quantile(&all[t], xb[t]);
		}
		for (size_t t = 0; t < kall; t++)
			item_put(m, &all[t], xb[t]);
		if (npv_moved(&ev, &j->dep[g], NULL, &j->fb[r]) != 0)
			goto undefined;
		for (size_t t = 0; t < kall; t++)
			item_put(m, &all[t], xa[t]);
		if (npv_moved(&ev, &j->dep[g], NULL, &j->fa[r]) != 0)
			goto undefined;
		for (size_t i = 0; i < g; i++) {
			if (i > 0)
				item_put(m, &all[j->pos[i - 1]], xa[j->pos[i - 1]]);
			if (i < j->k)
				item_put(m, &all[j->pos[i]], xb[j->pos[i]]);
			else
				for (size_t q = 0; q < j->nrest; q++)
					item_put(m, &all[j->rest[q]], xb[j->rest[q]]);
			if (npv_moved(&ev, &j->dep[i], i > 0 ? &j->dep[i - 1] : NULL,
				      &j->fab[i * n + r]) != 0)
				goto undefined;
		}
	}
	goto done;
undefined:
	j->undefined = 1;
done:
	free(flags);
	crm_cashflow_free(cf);
	crm_model_free(m);
	return NULL;
}

/* Bootstrap resamples rep0 to rep1 (their rows drawn before), each into boot_s and boot_st. */
struct boot_job {
	const double *fa, *fb, *fab;
	size_t n, g;
	const size_t *bidx;
	double *boot_s, *boot_st;
	size_t rep0, rep1;
	int nomem;
};

static void *boot_reps(void *arg)
{
	struct boot_job *j = arg;
	double *bs = malloc((j->g + 1) * sizeof *bs), *bst = malloc((j->g + 1) * sizeof *bst);
	double *scratch = malloc((2 * j->n + 1) * sizeof *scratch), v;

	if (!bs || !bst || !scratch) {
		j->nomem = 1;
	} else {
		for (size_t rep = j->rep0; rep < j->rep1; rep++) {
			estimate(j->fa, j->fb, j->fab, j->n, j->g, j->bidx + rep * j->n, bs, bst, &v,
				 scratch);
			for (size_t i = 0; i < j->g; i++) {
				j->boot_s[i * CRM_SOBOL_BOOTSTRAP + rep] = bs[i];
				j->boot_st[i * CRM_SOBOL_BOOTSTRAP + rep] = bst[i];
			}
		}
	}
	free(bs);
	free(bst);
	free(scratch);
	return NULL;
}

/* Threads for the Sobol sample: the processors, at most 16, one for a small sample. */
static int sobol_threads(size_t n)
{
	long np = sysconf(_SC_NPROCESSORS_ONLN);
	int t = np > 0 ? (int)(np < 16 ? np : 16) : 1;

	return n < 1024 ? 1 : t;
}

crm_status crm_sobol_top(const crm_scenario *sc, size_t n, uint64_t seed, size_t top,
			 crm_sobol_result *res, crm_error *err)
{
	crm_model *m = NULL;
	crm_cashflow *cf = NULL;
	gsl_qrng *q = NULL;
	gsl_rng *rng = NULL, *grng = NULL;
	double *row = NULL, *ua = NULL, *ub = NULL;
	double *fa = NULL, *fb = NULL, *fab = NULL;
	double *scratch = NULL, *boot_s = NULL, *boot_st = NULL;
	double *xall_a = NULL, *xall_b = NULL;   /* every point's values, n x kall */
	size_t *bidx = NULL;                     /* the bootstrap's rows, CRM_SOBOL_BOOTSTRAP x n */
	size_t *idx = NULL, *pos = NULL, *rest = NULL;
	crm_uncertain *all = NULL;
	char *pick = NULL, *flags = NULL;
	struct deps *dep = NULL;   /* what each item of its own moves, the group's, then every item's */
	size_t *every = NULL;
	struct evaluator ev;
	crm_status st;
	size_t kall, k, g, nrest = 0;

	memset(res, 0, sizeof *res);
	res->n = n;
	if ((st = crm_uncertain_list(sc, &all, &kall, err)) != CRM_OK)
		return st;
	if (kall == 0) {
		free(all);
		snprintf(res->note, sizeof res->note, "no uncertain values: give inputs low and high");
		return CRM_OK;
	}
	k = top && kall > top ? top : kall;   /* items with an index of their own */
	nrest = kall - k;                     /* the others, one group */
	g = k + (nrest > 0);
	if (2 * k > HALTON_MAX_DIM) {
		res->items = all;
		res->nitems = kall;
		snprintf(res->note, sizeof res->note, "more uncertain values (%zu) than quasi-random "
			 "sequences have dimensions for", kall);
		return CRM_OK;
	}
	m = crm_model_new(sc, err);
	if (!m) {
		free(all);
		return err ? err->status : CRM_ENOMEM;
	}
	cf = crm_cashflow_new(m);
	res->sequence = 2 * k <= SOBOL_MAX_DIM ? "sobol" : "halton";
	q = gsl_qrng_alloc(2 * k <= SOBOL_MAX_DIM ? gsl_qrng_sobol : gsl_qrng_halton, (unsigned)(2 * k));
	rng = gsl_rng_alloc(gsl_rng_mt19937);
	grng = nrest ? gsl_rng_alloc(gsl_rng_mt19937) : NULL;
	row = malloc((2 * k + 1) * sizeof *row);
	ua = malloc(kall * sizeof *ua);
	ub = malloc(kall * sizeof *ub);
	flags = calloc(sc->ninputs + sc->nlines + 1, 1);
	dep = calloc(g + 1, sizeof *dep);
	every = malloc(kall * sizeof *every);
	pos = malloc(k * sizeof *pos);
	rest = malloc((nrest + 1) * sizeof *rest);
	pick = malloc(kall);
	fa = malloc(n * sizeof *fa);
	fb = malloc(n * sizeof *fb);
	fab = malloc(n * g * sizeof *fab);
	scratch = malloc(2 * n * sizeof *scratch);
	boot_s = malloc(CRM_SOBOL_BOOTSTRAP * g * sizeof *boot_s);
	boot_st = malloc(CRM_SOBOL_BOOTSTRAP * g * sizeof *boot_st);
	idx = malloc(n * sizeof *idx);
	res->items = malloc(k * sizeof *res->items);
	res->first = malloc(g * sizeof(double));
	res->first_lo = malloc(g * sizeof(double));
	res->first_hi = malloc(g * sizeof(double));
	res->total = malloc(g * sizeof(double));
	res->total_lo = malloc(g * sizeof(double));
	res->total_hi = malloc(g * sizeof(double));
	if (!q || !rng || (nrest && !grng) || !cf || !row || !ua || !ub || !flags ||
	    !dep || !every || !pos || !rest ||
	    !pick || !fa || !fb || !fab || !scratch || !boot_s || !boot_st || !idx ||
	    !res->items || !res->first || !res->first_lo || !res->first_hi || !res->total ||
	    !res->total_lo || !res->total_hi) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory for Sobol indices");
		goto done;
	}
	cf->keep_inputs = 0;
	cf->keep_amounts = 0;
	ev = (struct evaluator){ m, cf, sc->ninputs, flags, 0 };
	/* The items of their own (all of them, or the top ones by swing), in the scenario's order. */
	if (nrest && screen_items(&ev, sc, all, kall, k, pick) != 0) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory for Sobol indices");
		goto done;
	}
	for (size_t i = 0, j = 0, r = 0; i < kall; i++) {
		if (!nrest || pick[i]) {
			pos[j] = i;
			res->items[j++] = all[i];
		} else {
			rest[r++] = i;
		}
	}
	res->nitems = k;
	res->rest = nrest;
	for (size_t t = 0; t < kall; t++)
		every[t] = t;
	for (size_t i = 0; i <= g; i++) {
		const size_t *which = i < k ? &pos[i] : i < g ? rest : every;
		if (deps_of(m, sc, all, which, i < k ? 1 : i < g ? nrest : kall, flags, &dep[i]) != 0) {
			st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0,
					   "out of memory for Sobol indices");
			goto done;
		}
	}
	/* The group's values are pseudo-random, from a stream of their own. */
	if (grng)
		gsl_rng_set(grng, (unsigned long)(seed ^ 0x9E3779B97F4A7C15ULL));
	/* The points, in order: the quasi-random sequence and the group's stream are sequential. */
	xall_a = malloc((n * kall + 1) * sizeof *xall_a);
	xall_b = malloc((n * kall + 1) * sizeof *xall_b);
	if (!xall_a || !xall_b) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory for Sobol indices");
		goto done;
	}
	/* The first point of a Sobol sequence is all zeros: skip it. */
	gsl_qrng_get(q, row);
	for (size_t r = 0; r < n; r++) {
		gsl_qrng_get(q, row);
		for (size_t j = 0; j < k; j++) {
			ua[pos[j]] = row[j];
			ub[pos[j]] = row[k + j];
		}
		for (size_t j = 0; j < nrest; j++) {
			ua[rest[j]] = gsl_rng_uniform_pos(grng);
			ub[rest[j]] = gsl_rng_uniform_pos(grng);
		}
		/* The uniforms here; their values in the threads (a quantile costs more). */
		memcpy(xall_a + r * kall, ua, kall * sizeof *ua);
		memcpy(xall_b + r * kall, ub, kall * sizeof *ub);
	}
	/*
	 * The evaluations, rows split between threads: B and A, where what any
	 * item moves is evaluated again; then A with item i (or the group) from
	 * B, each from the one before: what item i - 1 moved back and what item
	 * i moves.
	 */
	{
		int nt = sobol_threads(n);
		struct sobol_job jobs[16];
		pthread_t th[16];
		int started[16] = { 0 }, undefined = 0, nomem = 0;
		for (int t = 0; t < nt; t++) {
			jobs[t] = (struct sobol_job){ sc, all, kall, k, nrest, g, n, pos, rest, dep,
				xall_a, xall_b, fa, fb, fab, n * (size_t)t / (size_t)nt,
				n * (size_t)(t + 1) / (size_t)nt, 0, 0 };
			if (t > 0 && pthread_create(&th[t], NULL, sobol_rows, &jobs[t]) == 0)
				started[t] = 1;
		}
		sobol_rows(&jobs[0]);
		for (int t = 1; t < nt; t++) {
			if (started[t])
				pthread_join(th[t], NULL);
			else
				sobol_rows(&jobs[t]);   /* no thread to be had: in this one */
		}
		for (int t = 0; t < nt; t++) {
			undefined |= jobs[t].undefined;
			nomem |= jobs[t].nomem;
		}
		if (nomem) {
			st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0,
					   "out of memory for Sobol indices");
			goto done;
		}
		if (undefined)
			goto undefined;
	}
	for (size_t r = 0; r < n; r++)
		idx[r] = r;
	estimate(fa, fb, fab, n, g, idx, res->first, res->total, &res->variance, scratch);
	if (!(res->variance > 0)) {
		snprintf(res->note, sizeof res->note, "NPV does not vary over the sample, so its "
			 "variance has nothing to apportion");
		st = CRM_OK;
		goto done;
	}
	gsl_rng_set(rng, (unsigned long)(seed ^ 0x5DEECE66DULL));
	/* The resamples drawn in order, then estimated in threads. */
	if (!(bidx = malloc((n * CRM_SOBOL_BOOTSTRAP + 1) * sizeof *bidx))) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory for Sobol indices");
		goto done;
	}
	for (size_t rep = 0; rep < CRM_SOBOL_BOOTSTRAP; rep++)
		for (size_t r = 0; r < n; r++)
			bidx[rep * n + r] = gsl_rng_uniform_int(rng, n);
	{
		int nt = sobol_threads(n);
		struct boot_job bj[16];
		pthread_t th[16];
		int started[16] = { 0 }, nomem = 0;
		for (int t = 0; t < nt; t++) {
			bj[t] = (struct boot_job){ fa, fb, fab, n, g, bidx, boot_s, boot_st,
				CRM_SOBOL_BOOTSTRAP * (size_t)t / (size_t)nt,
				CRM_SOBOL_BOOTSTRAP * (size_t)(t + 1) / (size_t)nt, 0 };
			if (t > 0 && pthread_create(&th[t], NULL, boot_reps, &bj[t]) == 0)
				started[t] = 1;
		}
		boot_reps(&bj[0]);
		for (int t = 1; t < nt; t++) {
			if (started[t])
				pthread_join(th[t], NULL);
			else
				boot_reps(&bj[t]);
		}
		for (int t = 0; t < nt; t++)
			nomem |= bj[t].nomem;
		if (nomem) {
			st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0,
					   "out of memory for Sobol indices");
			goto done;
		}
	}
	for (size_t i = 0; i < g; i++) {
		double *s = boot_s + i * CRM_SOBOL_BOOTSTRAP, *t = boot_st + i * CRM_SOBOL_BOOTSTRAP;
		gsl_sort(s, 1, CRM_SOBOL_BOOTSTRAP);
		gsl_sort(t, 1, CRM_SOBOL_BOOTSTRAP);
		res->first_lo[i] = gsl_stats_quantile_from_sorted_data(s, 1, CRM_SOBOL_BOOTSTRAP, 0.025);
		res->first_hi[i] = gsl_stats_quantile_from_sorted_data(s, 1, CRM_SOBOL_BOOTSTRAP, 0.975);
		res->total_lo[i] = gsl_stats_quantile_from_sorted_data(t, 1, CRM_SOBOL_BOOTSTRAP, 0.025);
		res->total_hi[i] = gsl_stats_quantile_from_sorted_data(t, 1, CRM_SOBOL_BOOTSTRAP, 0.975);
	}
	res->ok = 1;
	st = CRM_OK;
	goto done;
undefined:
	snprintf(res->note, sizeof res->note, "NPV is not a number at some sampled points (a "
		 "division by zero), so the indices cannot be estimated");
	st = CRM_OK;
done:
	gsl_qrng_free(q);
	gsl_rng_free(rng);
	if (grng)
		gsl_rng_free(grng);
	crm_cashflow_free(cf);
	crm_model_free(m);
	free(all);
	free(row);
	free(ua);
	free(ub);
	free(flags);
	for (size_t i = 0; dep && i <= g; i++)
		free(dep[i].at);
	free(dep);
	free(every);
	free(pos);
	free(rest);
	free(pick);
	free(fa);
	free(fb);
	free(fab);
	free(scratch);
	free(boot_s);
	free(boot_st);
	free(idx);
	free(xall_a);
	free(xall_b);
	free(bidx);
	return st;
}
