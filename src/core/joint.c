/*
 * joint.c - several scenarios simulated on common random draws
 * (crmroi/joint.h): the NPV of each in every draw, each one's risk range,
 * and how often each beats the others.
 *
 * Not the Monte Carlo engine of crmroi/simulate.h: that one draws a single
 * scenario by blocks at full speed; this one evaluates a few scenarios draw
 * by draw with a counter-based stream per uncertain value, which is what
 * makes their draws common. Each evaluation takes the model's short way
 * when it can (crm_model_summary), the full evaluation when it cannot.
 */
#include "crmroi/joint.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crmroi/aftertax.h"
#include "crmroi/expr.h"
#include "crmroi/model.h"
#include "crmroi/sample.h"
#include "rng.h"

#define JOINT_MAX_DRAWS 10000000ULL
/* Most NPVs kept (scenarios x draws): 400 MB. */
#define JOINT_MAX_VALUES 50000000ULL
#define U_CLAMP 1e-15           /* keep copula uniforms inside (0, 1) */

/* One scenario being simulated. */
struct member {
	const crm_scenario *sc;
	crm_model *m;
	crm_cashflow *cf;
	crm_uncertain *items;
	size_t nitems;
	uint64_t *key;          /* per item: the hash of its key */
	crm_copula cop;
	int cop_ready;
	double *z;              /* per copula item: its normal score */
	double *val;            /* per item: this draw's value */
	int after_tax;          /* measured by its NPV after tax */
	size_t *kidx;           /* per item: its key's index in crm_joint_result.keys */
	int force_line;         /* force_group: the group's first line, or -1 */
	int force_on;
	int shift_item;         /* set_input on an uncertain input: its item, or -1 */
	double shift;           /* added to that item's draws */
	unsigned char *owner;   /* per item: it is its key's first (its draws are kept) */
};

/*
 * FNV-1a of an item's kind and name: the key common to every scenario that
 * has it. A gate (a group's event) is keyed apart from a line's own event.
 */
static uint64_t item_key(const crm_scenario *sc, const crm_uncertain *u)
{
	uint64_t h = 1469598103934665603ULL;
	char kind = u->kind == CRM_ITEM_INPUT ? 'i' : u->kind == CRM_ITEM_LINE ? 'l' : 'e';

	if (u->kind == CRM_ITEM_EVENT && sc->lines[u->index].group >= 0)
		kind = 'g';
	h = (h ^ (unsigned char)kind) * 1099511628211ULL;
	for (const char *p = u->name; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return h;
}

/* Draw d of key k: a uniform in (0, 1) from (seed, k, d) alone. */
static double uniform(uint64_t seed, uint64_t key, uint64_t d)
{
	uint64_t x = crm_mix64(seed ^ crm_mix64(key ^ crm_mix64(d)));
	return ((double)(x >> 11) + 0.5) / 9007199254740992.0;
}

static void member_free(struct member *mb)
{
	crm_cashflow_free(mb->cf);
	crm_model_free(mb->m);
	free(mb->items);
	free(mb->key);
	if (mb->cop_ready)
		crm_copula_free(&mb->cop);
	free(mb->z);
	free(mb->val);
	free(mb->kidx);
	free(mb->owner);
}

static crm_status member_init(struct member *mb, const crm_scenario *sc, int after_tax,
			      crm_error *err)
{
	crm_status st;

	memset(mb, 0, sizeof *mb);
	mb->sc = sc;
	mb->after_tax = after_tax && sc->settings.tax_given;
	if ((st = crm_uncertain_list(sc, &mb->items, &mb->nitems, err)) != CRM_OK)
		return st;
	if ((st = crm_copula_init(&mb->cop, sc, mb->items, mb->nitems, err)) != CRM_OK)
		return st;
	mb->cop_ready = 1;
	if (!(mb->m = crm_model_new(sc, err)))
		return err ? err->status : CRM_ENOMEM;
	mb->key = calloc(mb->nitems + 1, sizeof *mb->key);
	mb->z = calloc(mb->cop.m + 1, sizeof *mb->z);
	mb->val = calloc(mb->nitems + 1, sizeof *mb->val);
	mb->kidx = calloc(mb->nitems + 1, sizeof *mb->kidx);
	mb->owner = calloc(mb->nitems + 1, sizeof *mb->owner);
	if (!(mb->cf = crm_cashflow_new(mb->m)) || !mb->key || !mb->z || !mb->val || !mb->kidx ||
	    !mb->owner)
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	mb->cf->keep_inputs = 0;
	mb->cf->keep_amounts = mb->after_tax;   /* the tax needs each line's amounts */
	for (size_t t = 0; t < mb->nitems; t++)
		mb->key[t] = item_key(sc, &mb->items[t]);
	mb->shift_item = -1;
	mb->force_line = -1;
	return CRM_OK;
}

/* set_input: an uncertain input's draws shifted, a certain one set once for every draw. */
static crm_status member_set_input(struct member *mb, size_t input, double value, crm_error *err)
{
	const crm_input *in = &mb->sc->inputs[input];

	if (crm_expr_kind(in->value) != CRM_VALUE_NUMBER)
		return crm_error_set(err, CRM_EUSAGE, mb->sc->file, in->loc.line, in->loc.col,
				     "input '%s' has no single base value to set", in->name);
	for (size_t t = 0; t < mb->nitems; t++)
		if (mb->items[t].kind == CRM_ITEM_INPUT && (size_t)mb->items[t].index == input) {
			mb->shift_item = (int)t;
			mb->shift = value - crm_expr_number(in->value);
			return CRM_OK;
		}
	crm_model_override(mb->m, input, value);
	return CRM_OK;
}

/* The values of draw d, by each item's quantile of the common uniforms (through the copula). */
static void member_draw(struct member *mb, uint64_t seed, uint64_t d)
{
	for (size_t t = 0; t < mb->nitems; t++)
		if (!mb->cop.in || !mb->cop.in[t])
			mb->val[t] = crm_uncertain_quantile(&mb->items[t], uniform(seed, mb->key[t], d));
	for (size_t i = 0; i < mb->cop.m; i++)
		mb->z[i] = gsl_cdf_ugaussian_Pinv(uniform(seed, mb->key[mb->cop.item[i]], d));
	for (size_t i = 0; i < mb->cop.m; i++) {
		double z = 0;
		for (size_t j = 0; j < mb->cop.m; j++)
			z += mb->cop.factor[i * mb->cop.m + j] * mb->z[j];
		double u = gsl_cdf_ugaussian_P(z);
		u = u < U_CLAMP ? U_CLAMP : u > 1 - U_CLAMP ? 1 - U_CLAMP : u;
		mb->val[mb->cop.item[i]] = crm_uncertain_quantile(&mb->items[mb->cop.item[i]], u);
	}
	if (mb->shift_item >= 0)
		mb->val[mb->shift_item] += mb->shift;
	for (size_t t = 0; t < mb->nitems; t++) {
		const crm_uncertain *u = &mb->items[t];
		switch (u->kind) {
		case CRM_ITEM_INPUT: crm_model_override(mb->m, (size_t)u->index, mb->val[t]); break;
		case CRM_ITEM_LINE: crm_model_override_line(mb->m, (size_t)u->index, mb->val[t]); break;
		case CRM_ITEM_EVENT: crm_model_set_occurs(mb->m, (size_t)u->index, mb->val[t] != 0); break;
		}
	}
	if (mb->force_line >= 0)
		crm_model_set_occurs(mb->m, (size_t)mb->force_line, mb->force_on);
}

/* The NPV of the model as drawn: NaN where it is not a number (a division by zero). */
static crm_status member_npv(struct member *mb, double *npv, crm_error *err)
{
	crm_error e;
	crm_status st;

	crm_error_clear(&e);
	if (!mb->after_tax && crm_model_summary_fast(mb->m)) {
		crm_summary s;
		st = crm_model_summary(mb->m, mb->cf, 0, 0, &s, &e);
		if (st == CRM_OK) {
			*npv = s.npv;
			return CRM_OK;
		}
		if (st == CRM_EDATA) {
			*npv = NAN;
			return CRM_OK;
		}
		if (st != CRM_EUSAGE)
			return crm_error_set(err, st, e.file, e.line, e.col, "%s", e.msg);
		crm_error_clear(&e);
	}
	st = crm_model_eval(mb->m, mb->cf, &e);
	if (st == CRM_EDATA) {
		*npv = NAN;
		return CRM_OK;
	}
	if (st != CRM_OK)
		return crm_error_set(err, st, e.file, e.line, e.col, "%s", e.msg);
	if (mb->after_tax) {
		crm_after_tax at;
		st = crm_after_tax_compute(mb->m, mb->cf, &at, &e);
		if (st == CRM_OK) {
			*npv = at.metrics.npv;
			crm_after_tax_free(&at);
			return CRM_OK;
		}
		/* A draw whose tax cannot be computed (a salvage above its cost) has no NPV. */
		if (st == CRM_EDATA) {
			*npv = NAN;
			return CRM_OK;
		}
		return crm_error_set(err, st, e.file, e.line, e.col, "%s", e.msg);
	}
	double pvb = 0, pvc = 0;
	for (int p = 0; p <= mb->cf->nperiods; p++) {
		pvc += mb->cf->pv_costs[p];
		pvb += mb->cf->pv_benefits[p];
	}
	*npv = pvb - pvc;
	return CRM_OK;
}

struct keyed {
	uint64_t key;
	size_t s, t;            /* scenario, and item within it */
};

static int by_key(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->t < y->t ? -1 : x->t > y->t;
}

static int by_owner(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->t < y->t ? -1 : x->t > y->t;
}

/*
 * Keys over every scenario: how many distinct, and how many two or more
 * scenarios share; each one's entry in res->keys, numbered in the order of
 * the first scenario's items, then the next's, and each item's key index.
 * Two values of one scenario with the same key (two lines of the same
 * label) must not share their draws: the later one is given a key of its
 * own. -1 on no memory.
 */
static int count_keys(struct member *mbs, size_t ns, crm_joint_result *res)
{
	size_t n = 0, k = 0;
	int again = 1;

	for (size_t s = 0; s < ns; s++)
		n += mbs[s].nitems;
	struct keyed *all = malloc((n + 1) * sizeof *all);
	if (!all)
		return -1;
	for (size_t s = 0; s < ns; s++)
		for (size_t t = 0; t < mbs[s].nitems; t++)
			all[k++] = (struct keyed){ mbs[s].key[t], s, t };
	while (again) {
		again = 0;
		qsort(all, n, sizeof *all, by_key);
		for (size_t i = 1; i < n; i++)
			if (all[i].key == all[i - 1].key && all[i].s == all[i - 1].s) {
				all[i].key = mbs[all[i].s].key[all[i].t] = crm_mix64(all[i].key ^ (all[i].t + 1));
				again = 1;
			}
	}
	struct keyed *owners = malloc((n + 1) * sizeof *owners);
	size_t *count = calloc(n + 1, sizeof *count);
	if (!owners || !count) {
		free(all);
		free(owners);
		free(count);
		return -1;
	}
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		int shared = 0;
		for (; j < n && all[j].key == all[i].key; j++)
			shared |= all[j].s != all[i].s;
		owners[res->nkeys++] = all[i];   /* sorted by key, then scenario, then item */
		res->nshared += shared;
		i = j;
	}
	qsort(owners, res->nkeys, sizeof *owners, by_owner);
	res->keys = calloc(res->nkeys + 1, sizeof *res->keys);
	if (!res->keys) {
		free(all);
		free(owners);
		free(count);
		return -1;
	}
	for (size_t q = 0; q < res->nkeys; q++) {
		struct member *mb = &mbs[owners[q].s];
		const crm_uncertain *u = &mb->items[owners[q].t];
		mb->owner[owners[q].t] = 1;
		mb->kidx[owners[q].t] = q;
		res->keys[q].item = *u;
		res->keys[q].scenario = owners[q].s;
		res->keys[q].gate = u->kind == CRM_ITEM_EVENT && mb->sc->lines[u->index].group >= 0;
	}
	/* Each item's key: its group's owner's (all is still sorted by key, owner first). */
	for (size_t i = 0; i < n;) {
		size_t q = mbs[all[i].s].kidx[all[i].t], j = i;
		for (; j < n && all[j].key == all[i].key; j++) {
			mbs[all[j].s].kidx[all[j].t] = q;
			count[q]++;
		}
		i = j;
	}
	for (size_t q = 0; q < res->nkeys; q++)
		res->keys[q].nscenarios = count[q];
	free(all);
	free(owners);
	free(count);
	return 0;
}

/* Mean and percentiles of scenario s's defined NPVs. */
static crm_status summarise(crm_joint_result *res, size_t s, double *tmp)
{
	const double *v = res->npv + s * res->n;
	size_t k = 0;
	double sum = 0;

	for (uint64_t d = 0; d < res->n; d++)
		if (!isnan(v[d])) {
			tmp[k++] = v[d];
			sum += v[d];
		}
	res->defined[s] = k;
	if (!k) {
		res->mean[s] = res->p10[s] = res->p50[s] = res->p90[s] = res->p_negative[s] = NAN;
		return CRM_OK;
	}
	uint64_t neg = 0;
	for (size_t i = 0; i < k; i++)
		neg += tmp[i] < 0;
	gsl_sort(tmp, 1, k);
	res->mean[s] = sum / (double)k;
	res->p10[s] = gsl_stats_quantile_from_sorted_data(tmp, 1, k, 0.10);
	res->p50[s] = gsl_stats_quantile_from_sorted_data(tmp, 1, k, 0.50);
	res->p90[s] = gsl_stats_quantile_from_sorted_data(tmp, 1, k, 0.90);
	res->p_negative[s] = (double)neg / (double)k;
	return CRM_OK;
}

/* Percentiles 1% to 99% and lower partial means 1% to 100% of sorted values v[0..k). */
#define DOM_POINTS 100
static void profile(const double *v, size_t k, double *q, double *lpm)
{
	double sum = 0;
	size_t done = 0;

	for (int p = 1; p <= DOM_POINTS; p++) {
		if (p < DOM_POINTS)
			q[p - 1] = gsl_stats_quantile_from_sorted_data(v, 1, k, p / 100.0);
		size_t upto = (size_t)ceil(p / 100.0 * (double)k - 1e-9);
		upto = upto < 1 ? 1 : upto > k ? k : upto;
		for (; done < upto; done++)
			sum += v[done];
		lpm[p - 1] = sum / (double)upto;
	}
}

/*
 * Whether a is at least b everywhere and above somewhere, a difference
 * within noise (and a relative 1e-12) counting as neither.
 */
static int at_least(const double *a, const double *b, size_t n, double noise)
{
	int above = 0;

	for (size_t i = 0; i < n; i++) {
		double tol = noise + 1e-12 * fmax(1, fmax(fabs(a[i]), fabs(b[i])));
		if (a[i] < b[i] - tol)
			return 0;
		above |= a[i] > b[i] + tol;
	}
	return above;
}

/* First- and second-order dominance of each pair, and the worst shortfall. -1 on no memory. */
static int dominance(crm_joint_result *res)
{
	size_t ns = res->ns, n = (size_t)res->n;
	double *q = malloc(ns * DOM_POINTS * sizeof *q), *lpm = malloc(ns * DOM_POINTS * sizeof *lpm);
	double *v = malloc((n + 1) * sizeof *v);
	unsigned char *has = calloc(ns, 1);

	if (!q || !lpm || !v || !has) {
		free(q);
		free(lpm);
		free(v);
		free(has);
		return -1;
	}
	for (size_t s = 0; s < ns; s++) {
		size_t k = 0;
		for (size_t d = 0; d < n; d++)
			if (!isnan(res->npv[s * n + d]))
				v[k++] = res->npv[s * n + d];
		if (k) {
			gsl_sort(v, 1, k);
			profile(v, k, q + s * DOM_POINTS, lpm + s * DOM_POINTS);
			has[s] = 1;
		}
	}
	for (size_t s = 0; s < ns; s++)
		for (size_t t = 0; t < ns; t++) {
			size_t i = s * ns + t;
			res->worst_shortfall[i] = NAN;
			if (s == t || !has[s] || !has[t])
				continue;
			/* The noise: two standard errors of the mean difference on these draws. */
			double worst = -INFINITY, mean = 0, m2 = 0;
			uint64_t k = 0;
			for (size_t d = 0; d < n; d++) {
				double a = res->npv[s * n + d], b = res->npv[t * n + d];
				if (isnan(a) || isnan(b))
					continue;
				worst = b - a > worst ? b - a : worst;
				double dl = (a - b) - mean;
				mean += dl / (double)++k;
				m2 += dl * ((a - b) - mean);
			}
			double noise = k > 1 ? 2 * sqrt(m2 / (double)(k - 1) / (double)k) : 0;
			res->fsd[i] = (unsigned char)at_least(q + s * DOM_POINTS, q + t * DOM_POINTS,
							      DOM_POINTS - 1, noise);
			res->ssd[i] = (unsigned char)at_least(lpm + s * DOM_POINTS, lpm + t * DOM_POINTS,
							      DOM_POINTS, noise);
			res->worst_shortfall[i] = isfinite(worst) ? worst : NAN;
		}
	free(q);
	free(lpm);
	free(v);
	free(has);
	return 0;
}

/* P(best) and P(s beats t) from the draws. */
static void rank(crm_joint_result *res)
{
	size_t ns = res->ns;
	uint64_t all = 0;
	uint64_t *both = calloc(ns * ns, sizeof *both), *wins = calloc(ns * ns, sizeof *wins);
	double *best = calloc(ns, sizeof *best);

	if (!both || !wins || !best) {
		for (size_t i = 0; i < ns * ns; i++)
			res->p_beats[i] = NAN;
		for (size_t s = 0; s < ns; s++)
			res->p_best[s] = NAN;
		goto done;
	}
	for (uint64_t d = 0; d < res->n; d++) {
		double top = -INFINITY;
		size_t ntop = 0, defined = 0;
		for (size_t s = 0; s < ns; s++) {
			double a = res->npv[s * res->n + d];
			if (isnan(a))
				continue;
			defined++;
			for (size_t t = 0; t < ns; t++) {
				double b = res->npv[t * res->n + d];
				if (t == s || isnan(b))
					continue;
				both[s * ns + t]++;
				wins[s * ns + t] += a > b;
			}
			if (a > top) {
				top = a;
				ntop = 1;
			} else if (a == top) {
				ntop++;
			}
		}
		if (defined != ns)
			continue;
		all++;
		for (size_t s = 0; s < ns; s++)
			if (res->npv[s * res->n + d] == top)
				best[s] += 1.0 / (double)ntop;
	}
	for (size_t s = 0; s < ns; s++) {
		res->p_best[s] = all ? best[s] / (double)all : NAN;
		for (size_t t = 0; t < ns; t++)
			res->p_beats[s * ns + t] = s == t || !both[s * ns + t] ? NAN
						   : (double)wins[s * ns + t] / (double)both[s * ns + t];
	}
done:
	free(both);
	free(wins);
	free(best);
}

crm_status crm_joint_simulate(const crm_scenario *const *scs, size_t ns,
			      const crm_joint_options *opt, crm_joint_result *res, crm_error *err)
{
	struct member *mbs = NULL;
	double *tmp = NULL;
	crm_status st = CRM_OK;
	size_t ready = 0;

	memset(res, 0, sizeof *res);
	if (ns == 0 || ns > CRM_JOINT_MAX)
		return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "%zu scenarios: common draws take 1 "
				     "to %d", ns, CRM_JOINT_MAX);
	if (opt->n < 2 || opt->n > JOINT_MAX_DRAWS || ns * opt->n > JOINT_MAX_VALUES)
		return crm_error_set(err, CRM_EUSAGE, scs[0]->file, 0, 0, "%llu draws of %zu "
				     "scenarios: common draws take 2 to %llu draws, and at most "
				     "%llu in all", (unsigned long long)opt->n, ns,
				     (unsigned long long)JOINT_MAX_DRAWS,
				     (unsigned long long)JOINT_MAX_VALUES);
	res->ns = ns;
	res->n = opt->n;
	res->npv = malloc(ns * opt->n * sizeof *res->npv);
	res->defined = calloc(ns, sizeof *res->defined);
	res->mean = calloc(ns, sizeof *res->mean);
	res->p10 = calloc(ns, sizeof *res->p10);
	res->p50 = calloc(ns, sizeof *res->p50);
	res->p90 = calloc(ns, sizeof *res->p90);
	res->p_negative = calloc(ns, sizeof *res->p_negative);
	res->p_best = calloc(ns, sizeof *res->p_best);
	res->p_beats = calloc(ns * ns, sizeof *res->p_beats);
	res->fsd = calloc(ns * ns, 1);
	res->ssd = calloc(ns * ns, 1);
	res->worst_shortfall = calloc(ns * ns, sizeof *res->worst_shortfall);
	mbs = calloc(ns, sizeof *mbs);
	tmp = malloc(opt->n * sizeof *tmp);
	if (!res->npv || !res->defined || !res->mean || !res->p10 || !res->p50 || !res->p90 ||
	    !res->p_negative || !res->p_best || !res->p_beats || !res->fsd || !res->ssd ||
	    !res->worst_shortfall || !mbs || !tmp) {
		st = crm_error_set(err, CRM_ENOMEM, scs[0]->file, 0, 0, "out of memory");
		goto done;
	}
	for (; ready < ns; ready++)
		if ((st = member_init(&mbs[ready], scs[ready], opt->after_tax, err)) != CRM_OK) {
			ready++;
			goto done;
		}
	if (opt->set_input && (opt->input >= scs[0]->ninputs ||
			       (st = member_set_input(&mbs[0], opt->input, opt->value, err)) != CRM_OK)) {
		if (st == CRM_OK)
			st = crm_error_set(err, CRM_EUSAGE, scs[0]->file, 0, 0, "no input %zu",
					   opt->input);
		goto done;
	}
	if (opt->force_group) {
		if (opt->group >= scs[0]->ngroups) {
			st = crm_error_set(err, CRM_EUSAGE, scs[0]->file, 0, 0, "no group %zu",
					   opt->group);
			goto done;
		}
		mbs[0].force_line = scs[0]->groups[opt->group].first_line;
		mbs[0].force_on = opt->group_on;
	}
	if (count_keys(mbs, ns, res) != 0) {
		st = crm_error_set(err, CRM_ENOMEM, scs[0]->file, 0, 0, "out of memory");
		goto done;
	}
	if (opt->keep_values) {
		if (res->nkeys && res->nkeys * opt->n > JOINT_MAX_VALUES) {
			st = crm_error_set(err, CRM_EUSAGE, scs[0]->file, 0, 0, "%llu draws of %zu "
					   "uncertain values: at most %llu values are kept",
					   (unsigned long long)opt->n, res->nkeys,
					   (unsigned long long)JOINT_MAX_VALUES);
			goto done;
		}
		if (!(res->value = malloc((res->nkeys + 1) * opt->n * sizeof *res->value))) {
			st = crm_error_set(err, CRM_ENOMEM, scs[0]->file, 0, 0, "out of memory");
			goto done;
		}
	}
	for (uint64_t d = 0; d < opt->n; d++)
		for (size_t s = 0; s < ns; s++) {
			struct member *mb = &mbs[s];
			member_draw(mb, opt->seed, d);
			if (res->value)
				for (size_t t = 0; t < mb->nitems; t++)
					if (mb->owner[t])
						res->value[mb->kidx[t] * opt->n + d] = mb->val[t];
			if ((st = member_npv(mb, &res->npv[s * opt->n + d], err)) != CRM_OK)
				goto done;
		}
	for (size_t s = 0; s < ns; s++)
		summarise(res, s, tmp);
	rank(res);
	if (dominance(res) != 0)
		st = crm_error_set(err, CRM_ENOMEM, scs[0]->file, 0, 0, "out of memory");
done:
	for (size_t s = 0; s < ready; s++)
		member_free(&mbs[s]);
	free(mbs);
	free(tmp);
	if (st != CRM_OK)
		crm_joint_result_free(res);
	return st;
}

void crm_joint_result_free(crm_joint_result *res)
{
	if (!res)
		return;
	free(res->npv);
	free(res->defined);
	free(res->mean);
	free(res->p10);
	free(res->p50);
	free(res->p90);
	free(res->p_negative);
	free(res->p_best);
	free(res->p_beats);
	free(res->keys);
	free(res->value);
	free(res->fsd);
	free(res->ssd);
	free(res->worst_shortfall);
	memset(res, 0, sizeof *res);
}

/* ------------------------------------------------ goal seek on a probability */

/* The values tried so far and P(NPV < 0) at each: the brackets of later searches. */
#define GOAL_TRIED 200
struct tried {
	double x[GOAL_TRIED], p[GOAL_TRIED];
	int n;
};

/* P(NPV < 0) of sc with input set to x, on the draws of (n, seed). */
static crm_status p_negative_at(const crm_scenario *sc, size_t input, double x, uint64_t n,
				uint64_t seed, double *p, struct tried *tr, crm_error *err)
{
	crm_joint_options o = { .n = n, .seed = seed, .set_input = 1, .input = input, .value = x };
	crm_joint_result r;
	const crm_scenario *one[1] = { sc };
	crm_status st = crm_joint_simulate(one, 1, &o, &r, err);

	if (st == CRM_OK)
		*p = r.p_negative[0];
	crm_joint_result_free(&r);
	if (st == CRM_OK && isnan(*p))
		st = crm_error_set(err, CRM_EDATA, sc->file, 0, 0, "no draw has an NPV with %s = %g",
				   sc->inputs[input].name, x);
	if (st == CRM_OK && tr->n < GOAL_TRIED) {
		tr->x[tr->n] = x;
		tr->p[tr->n++] = *p;
	}
	return st;
}

/*
 * Where P(NPV < 0) - level changes sign in [lo, hi], by bisection to a part
 * in 1e4 of the interval, from the tightest bracket among the values tried
 * so far; each new value is one simulation on the same draws. NaN when no
 * two values tried bracket level.
 */
static crm_status bisect(const crm_scenario *sc, size_t input, double level, double width,
			 uint64_t n, uint64_t seed, struct tried *tr, double *out, crm_error *err)
{
	double a = NAN, pa = NAN, b = NAN, pb = NAN;

	*out = NAN;
	/* The bracket: the two values tried nearest each other on either side of level. */
	for (int i = 0; i < tr->n; i++)
		for (int k = 0; k < tr->n; k++) {
			if (!((tr->p[i] - level) * (tr->p[k] - level) < 0) || !(tr->x[i] < tr->x[k]))
				continue;
			if (isnan(a) || tr->x[k] - tr->x[i] < b - a) {
				a = tr->x[i];
				pa = tr->p[i];
				b = tr->x[k];
				pb = tr->p[k];
			}
		}
	for (int i = 0; i < tr->n; i++)
		if (tr->p[i] == level) {
			*out = tr->x[i];
			return CRM_OK;
		}
	if (isnan(a))
		return CRM_OK;
	while (b - a > 1e-4 * width) {
		double m = a + (b - a) / 2, pm;
		crm_status st = p_negative_at(sc, input, m, n, seed, &pm, tr, err);
		if (st != CRM_OK)
			return st;
		if (pm == level) {
			*out = m;
			return CRM_OK;
		}
		if ((pm - level) * (pa - level) > 0) {
			a = m;
			pa = pm;
		} else {
			b = m;
			pb = pm;
		}
	}
	(void)pb;
	*out = a + (b - a) / 2;
	return CRM_OK;
}

crm_status crm_prob_goal_seek(const crm_scenario *sc, size_t input, double target, double lo,
			      double hi, uint64_t n, uint64_t seed, crm_prob_goal *out,
			      crm_error *err)
{
	struct tried *tr = calloc(1, sizeof *tr);
	crm_status st;

	memset(out, 0, sizeof *out);
	out->value = out->value_lo = out->value_hi = NAN;
	out->n = n;
	if (!tr)
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	if (input >= sc->ninputs || crm_expr_kind(sc->inputs[input].value) != CRM_VALUE_NUMBER) {
		st = crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "input '%s' has no single base "
				   "value to move", input < sc->ninputs ? sc->inputs[input].name : "?");
		goto done;
	}
	if (!(target > 0 && target < 1) || !(lo < hi) || !isfinite(lo) || !isfinite(hi)) {
		st = crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "a probability above 0 and below 1 "
				   "and an interval LOW < HIGH are needed");
		goto done;
	}
	out->base = crm_expr_number(sc->inputs[input].value);
	out->lo = lo;
	out->hi = hi;
	if ((st = p_negative_at(sc, input, lo, n, seed, &out->p_lo, tr, err)) != CRM_OK ||
	    (st = p_negative_at(sc, input, hi, n, seed, &out->p_hi, tr, err)) != CRM_OK ||
	    (st = p_negative_at(sc, input, out->base, n, seed, &out->p_base, tr, err)) != CRM_OK)
		goto done;
	/* The base inside the interval brackets too; outside, it is only reported. */
	if (!(out->base > lo && out->base < hi))
		tr->n--;
	if ((st = bisect(sc, input, target, hi - lo, n, seed, tr, &out->value, err)) != CRM_OK)
		goto done;
	out->found = !isnan(out->value);
	if (out->found) {
		/* The Monte Carlo band: where P is two standard errors below and above the target. */
		double se = sqrt(target * (1 - target) / (double)n);
		double a, b;
		if ((st = bisect(sc, input, target - 2 * se, hi - lo, n, seed, tr, &a, err)) != CRM_OK ||
		    (st = bisect(sc, input, target + 2 * se, hi - lo, n, seed, tr, &b, err)) != CRM_OK)
			goto done;
		/* P rising with the input: the lower level is reached at the lower value. */
		int rising = out->p_hi > out->p_lo;
		out->value_lo = rising ? a : b;   /* NaN: that side is beyond the interval */
		out->value_hi = rising ? b : a;
	}
	out->evaluations = tr->n;
done:
	free(tr);
	return st;
}
