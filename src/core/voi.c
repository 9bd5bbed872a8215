/*
 * voi.c - the value of information (crmroi/voi.h): EVPI of the decision
 * and EVPPI of each uncertain value and group, by regression on the draws
 * of the options simulated together (crmroi/joint.h).
 */
#include "crmroi/voi.h"

#include <gsl/gsl_bspline.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crmroi/joint.h"

#define VOI_MIN_DRAWS 100ULL
#define VOI_MAX_DRAWS 10000000ULL
/* Draws the regressions are fitted on, at most (the first ones): bounds their memory. */
#define VOI_FIT_MAX 100000

const char *crm_voi_kind_name(crm_voi_kind k)
{
	switch (k) {
	case CRM_VOI_INPUT: return "input";
	case CRM_VOI_LINE: return "line value";
	case CRM_VOI_EVENT: return "risk event";
	case CRM_VOI_GATE: return "gate";
	default: return "group";
	}
}

/* One regressor: a value's draws, as a spline basis or as indicators of its distinct values. */
struct term {
	const double *x;           /* its draws (the used ones, in order) */
	int discrete;
	size_t nlevels;            /* discrete: its distinct values */
	double *levels;
	gsl_bspline_workspace *bw; /* continuous: the spline */
	gsl_vector *b;             /* its basis at one point */
	double lo, hi;             /* the range of its draws */
};

static void term_free(struct term *t)
{
	free(t->levels);
	if (t->bw)
		gsl_bspline_free(t->bw);
	if (t->b)
		gsl_vector_free(t->b);
	memset(t, 0, sizeof *t);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/*
 * Set a term up from m draws: discrete when it has at most CRM_VOI_DISCRETE
 * distinct values (or too few distinct knots for a spline). -1 on no memory.
 */
static int term_init(struct term *t, const double *x, size_t m)
{
	double *s = malloc((m + 1) * sizeof *s);
	size_t nd = 0;

	memset(t, 0, sizeof *t);
	t->x = x;
	if (!s)
		return -1;
	memcpy(s, x, m * sizeof *s);
	qsort(s, m, sizeof *s, cmp_double);
	for (size_t i = 0; i < m; i++)
		if (i == 0 || s[i] != s[i - 1])
			s[nd++] = s[i];
	/* Breakpoints at quantiles of the distinct values' spread over the draws. */
	double brk[CRM_VOI_KNOTS + 2];
	size_t nb = 0;
	if (nd > CRM_VOI_DISCRETE) {
		double *all = malloc((m + 1) * sizeof *all);
		if (!all) {
			free(s);
			return -1;
		}
		memcpy(all, x, m * sizeof *all);
		gsl_sort(all, 1, m);
		for (size_t k = 0; k < CRM_VOI_KNOTS + 2; k++) {
			double q = gsl_stats_quantile_from_sorted_data(all, 1, m,
								       (double)k / (CRM_VOI_KNOTS + 1));
			if (nb == 0 || q > brk[nb - 1])
				brk[nb++] = q;
		}
		free(all);
	}
	if (nb >= 3) {
		t->lo = brk[0];
		t->hi = brk[nb - 1];
		gsl_vector_view bv = gsl_vector_view_array(brk, nb);
		if (!(t->bw = gsl_bspline_alloc(4, nb)) ||
		    gsl_bspline_knots(&bv.vector, t->bw) != GSL_SUCCESS ||
		    !(t->b = gsl_vector_alloc(gsl_bspline_ncoeffs(t->bw)))) {
			free(s);
			term_free(t);
			return -1;
		}
		free(s);
		return 0;
	}
	t->discrete = 1;
	t->nlevels = nd;
	t->levels = s;   /* sorted, distinct */
	return 0;
}

/* Columns the term adds to the design: one fewer than its basis (the intercept is apart). */
static size_t term_cols(const struct term *t)
{
	return t->discrete ? t->nlevels - 1 : gsl_bspline_ncoeffs(t->bw) - 1;
}

/* The term's columns at draw i into row[0 .. term_cols). */
static void term_row(struct term *t, size_t i, double *row)
{
	double v = t->x[i];

	if (t->discrete) {
		size_t lo = 0, hi = t->nlevels;
		while (hi - lo > 1) {   /* the level equal to v */
			size_t mid = (lo + hi) / 2;
			if (t->levels[mid] <= v)
				lo = mid;
			else
				hi = mid;
		}
		for (size_t c = 1; c < t->nlevels; c++)
			row[c - 1] = c == lo;
		return;
	}
	v = v < t->lo ? t->lo : v > t->hi ? t->hi : v;
	gsl_bspline_eval(v, t->b, t->bw);
	for (size_t c = 1; c < t->b->size; c++)
		row[c - 1] = gsl_vector_get(t->b, c);
}

/*
 * The EVPPI of the terms: regress each option's net benefit less the best
 * one's (delta, noptions x m) on them, fitted on the first min(m, VOI_FIT_MAX)
 * draws, and average max(0, the best fitted gain) over all m draws.
 */
static crm_status evppi_of(struct term *terms, size_t nterms, const double *delta,
			   size_t noptions, size_t best, size_t m, crm_voi_value *out)
{
	size_t p = 1, fit = m < VOI_FIT_MAX ? m : VOI_FIT_MAX;

	for (size_t k = 0; k < nterms; k++)
		p += term_cols(&terms[k]);
	if (fit <= p + 1) {
		out->evppi = out->se = NAN;
		return CRM_OK;
	}
	gsl_matrix *X = gsl_matrix_alloc(fit, p);
	gsl_matrix *coef = gsl_matrix_calloc(noptions, p);
	gsl_vector *y = gsl_vector_alloc(fit), *c = gsl_vector_alloc(p);
	gsl_multifit_linear_workspace *w = gsl_multifit_linear_alloc(fit, p);
	double *row = malloc(p * sizeof *row);
	crm_status st = CRM_OK;

	if (!X || !coef || !y || !c || !w || !row) {
		st = CRM_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < fit; i++) {
		size_t col = 1;
		row[0] = 1;
		for (size_t k = 0; k < nterms; k++) {
			term_row(&terms[k], i, row + col);
			col += term_cols(&terms[k]);
		}
		for (size_t j = 0; j < p; j++)
			gsl_matrix_set(X, i, j, row[j]);
	}
	if (gsl_multifit_linear_svd(X, w) != GSL_SUCCESS) {
		out->evppi = out->se = NAN;
		goto done;
	}
	for (size_t o = 0; o < noptions; o++) {
		double rnorm, snorm;
		if (o == best)
			continue;
		for (size_t i = 0; i < fit; i++)
			gsl_vector_set(y, i, delta[o * m + i]);
		if (gsl_multifit_linear_solve(0, X, y, c, &rnorm, &snorm, w) != GSL_SUCCESS) {
			out->evppi = out->se = NAN;
			goto done;
		}
		for (size_t j = 0; j < p; j++)
			gsl_matrix_set(coef, o, j, gsl_vector_get(c, j));
	}
	/* The gain of knowing the terms, draw by draw (Welford's mean and variance). */
	double mean = 0, m2 = 0;
	uint64_t change = 0;
	for (size_t i = 0; i < m; i++) {
		size_t col = 1;
		row[0] = 1;
		for (size_t k = 0; k < nterms; k++) {
			term_row(&terms[k], i, row + col);
			col += term_cols(&terms[k]);
		}
		double g = 0;
		for (size_t o = 0; o < noptions; o++) {
			if (o == best)
				continue;
			double v = 0;
			for (size_t j = 0; j < p; j++)
				v += gsl_matrix_get(coef, o, j) * row[j];
			g = v > g ? v : g;
		}
		change += g > 0;
		double dlt = g - mean;
		mean += dlt / (double)(i + 1);
		m2 += dlt * (g - mean);
	}
	out->evppi = mean;
	out->se = m > 1 ? sqrt(m2 / (double)(m - 1) / (double)m) : NAN;
	out->p_change = (double)change / (double)m;
done:
	gsl_matrix_free(X);
	gsl_matrix_free(coef);
	gsl_vector_free(y);
	gsl_vector_free(c);
	if (w)
		gsl_multifit_linear_free(w);
	free(row);
	return st;
}

static crm_voi_kind kind_of(const crm_joint_key *k)
{
	switch (k->item.kind) {
	case CRM_ITEM_INPUT: return CRM_VOI_INPUT;
	case CRM_ITEM_LINE: return CRM_VOI_LINE;
	default: return k->gate ? CRM_VOI_GATE : CRM_VOI_EVENT;
	}
}

static char *dup_text(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	if (d)
		memcpy(d, s, n);
	return d;
}

/*
 * The keys a group names: each name of its comma-separated list, blanks
 * around it left out, must be some uncertain value's. CRM_EUSAGE otherwise.
 */
static crm_status group_keys(const char *list, const crm_joint_result *jr, size_t *keys,
			     size_t *nkeys, crm_error *err)
{
	const char *p = list;

	*nkeys = 0;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, ",");
		size_t l = len;
		while (l && p[l - 1] == ' ')
			l--;
		int found = 0;
		for (size_t k = 0; k < jr->nkeys && l; k++) {
			const char *nm = jr->keys[k].item.name;
			if (strlen(nm) != l || strncmp(nm, p, l))
				continue;
			found = 1;
			int dup = 0;
			for (size_t j = 0; j < *nkeys; j++)
				dup |= keys[j] == k;
			if (dup)
				continue;
			if (*nkeys == CRM_VOI_MAX_GROUP_SIZE)
				return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "group '%s': at most %d "
						     "uncertain values are resolved together", list,
						     CRM_VOI_MAX_GROUP_SIZE);
			keys[(*nkeys)++] = k;
		}
		if (!found)
			return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "group '%s': '%.*s' is not an "
					     "uncertain value of the scenarios (an input or line with a "
					     "range, a risk event or a gate)", list, (int)(l ? l : 0), p);
		p += len;
		if (*p == ',')
			p++;
	}
	if (!*nkeys)
		return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "an empty group of values");
	return CRM_OK;
}

crm_status crm_voi(const crm_scenario *const *scs, size_t ns, const crm_voi_options *opt,
		   crm_voi_result *res, crm_error *err)
{
	crm_joint_options jo = { .n = opt->n, .seed = opt->seed, .after_tax = opt->after_tax,
				.keep_values = 1 };
	crm_joint_result jr;
	crm_status st;
	double *delta = NULL, *xs = NULL;
	struct term *terms = NULL;

	memset(res, 0, sizeof *res);
	memset(&jr, 0, sizeof jr);
	if (opt->n < VOI_MIN_DRAWS || opt->n > VOI_MAX_DRAWS)
		return crm_error_set(err, CRM_EUSAGE, ns ? scs[0]->file : NULL, 0, 0, "%llu draws: "
				     "the value of information takes %llu to %llu",
				     (unsigned long long)opt->n, VOI_MIN_DRAWS, VOI_MAX_DRAWS);
	if (opt->ngroups > CRM_VOI_MAX_GROUPS)
		return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "%zu groups: at most %d",
				     opt->ngroups, CRM_VOI_MAX_GROUPS);
	if ((st = crm_joint_simulate(scs, ns, &jo, &jr, err)) != CRM_OK)
		goto done;
	res->n = jr.n;
	res->nothing = ns == 1;
	res->noptions = ns + (size_t)res->nothing;
	size_t no = res->noptions, n = (size_t)jr.n;
	/* The draws in which every option has an NPV. */
	size_t *use = malloc((n + 1) * sizeof *use), m = 0;
	if (!use) {
		st = crm_error_set(err, CRM_ENOMEM, scs[0]->file, 0, 0, "out of memory");
		goto done;
	}
	for (size_t d = 0; d < n; d++) {
		int ok = 1;
		for (size_t s = 0; s < ns; s++)
			ok &= !isnan(jr.npv[s * n + d]);
		if (ok)
			use[m++] = d;
	}
	res->used = m;
	res->mean = calloc(no, sizeof *res->mean);
	delta = malloc((no * m + 1) * sizeof *delta);
	xs = malloc(((jr.nkeys ? jr.nkeys : 1) * m + 1) * sizeof *xs);
	if (!res->mean || !delta || !xs) {
		free(use);
		st = crm_error_set(err, CRM_ENOMEM, scs[0]->file, 0, 0, "out of memory");
		goto done;
	}
	for (size_t o = 0; o < no; o++)
		for (size_t i = 0; i < m; i++)
			delta[o * m + i] = o < ns ? jr.npv[o * n + use[i]] : 0;
	for (size_t k = 0; k < jr.nkeys; k++)
		for (size_t i = 0; i < m; i++)
			xs[k * m + i] = jr.value[k * n + use[i]];
	free(use);
	if (m < 2) {
		st = crm_error_set(err, CRM_EDATA, scs[0]->file, 0, 0, "%zu of %zu draws have an NPV "
				   "for every option: too few for the value of information", m, n);
		goto done;
	}
	for (size_t o = 0; o < no; o++) {
		double sum = 0;
		for (size_t i = 0; i < m; i++)
			sum += delta[o * m + i];
		res->mean[o] = sum / (double)m;
		if (res->mean[o] > res->mean[res->best])
			res->best = o;
	}
	/* Net benefit less the best option's: the best is 0, the others' means at most 0. */
	for (size_t o = 0; o < no; o++)
		if (o != res->best)
			for (size_t i = 0; i < m; i++)
				delta[o * m + i] -= delta[res->best * m + i];
	for (size_t i = 0; i < m; i++)
		delta[res->best * m + i] = 0;
	{
		double mean = 0, m2 = 0;
		uint64_t change = 0;
		for (size_t i = 0; i < m; i++) {
			double g = 0;
			for (size_t o = 0; o < no; o++)
				g = delta[o * m + i] > g ? delta[o * m + i] : g;
			change += g > 0;
			double dl = g - mean;
			mean += dl / (double)(i + 1);
			m2 += dl * (g - mean);
		}
		res->evpi = mean;
		res->evpi_se = sqrt(m2 / (double)(m - 1) / (double)m);
		res->p_change = (double)change / (double)m;
	}
	/* Each uncertain value alone, then each group. */
	res->values = calloc(jr.nkeys + opt->ngroups + 1, sizeof *res->values);
	terms = calloc(CRM_VOI_MAX_GROUP_SIZE, sizeof *terms);
	if (!res->values || !terms) {
		st = crm_error_set(err, CRM_ENOMEM, scs[0]->file, 0, 0, "out of memory");
		goto done;
	}
	for (size_t k = 0; k < jr.nkeys; k++) {
		crm_voi_value *v = &res->values[res->nvalues++];
		v->kind = kind_of(&jr.keys[k]);
		v->key = k;
		v->scenario = jr.keys[k].scenario;
		v->index = jr.keys[k].item.index;
		v->nmembers = 1;
		if (!(v->name = dup_text(jr.keys[k].item.name)) || term_init(&terms[0], xs + k * m, m)) {
			st = crm_error_set(err, CRM_ENOMEM, scs[0]->file, 0, 0, "out of memory");
			goto done;
		}
		v->discrete = terms[0].discrete;
		st = evppi_of(terms, 1, delta, no, res->best, m, v);
		term_free(&terms[0]);
		if (st != CRM_OK) {
			st = crm_error_set(err, st, scs[0]->file, 0, 0, "out of memory");
			goto done;
		}
		/* Knowing a part is worth no more than knowing everything. */
		if (v->evppi > res->evpi)
			v->evppi = res->evpi;
	}
	for (size_t g = 0; g < opt->ngroups; g++) {
		size_t keys[CRM_VOI_MAX_GROUP_SIZE], nk = 0, nt = 0;
		if ((st = group_keys(opt->groups[g], &jr, keys, &nk, err)) != CRM_OK)
			goto done;
		crm_voi_value *v = &res->values[res->nvalues++];
		res->ngroups++;
		v->kind = CRM_VOI_GROUP;
		v->key = keys[0];
		v->scenario = jr.keys[keys[0]].scenario;
		v->index = jr.keys[keys[0]].item.index;
		v->nmembers = nk;
		size_t len = 1;
		for (size_t j = 0; j < nk; j++)
			len += strlen(jr.keys[keys[j]].item.name) + 2;
		if (!(v->name = malloc(len))) {
			st = crm_error_set(err, CRM_ENOMEM, scs[0]->file, 0, 0, "out of memory");
			goto done;
		}
		v->name[0] = '\0';
		for (size_t j = 0; j < nk; j++) {
			if (j)
				strcat(v->name, ", ");
			strcat(v->name, jr.keys[keys[j]].item.name);
		}
		for (; nt < nk; nt++)
			if (term_init(&terms[nt], xs + keys[nt] * m, m))
				break;
		st = nt < nk ? CRM_ENOMEM : evppi_of(terms, nk, delta, no, res->best, m, v);
		for (size_t j = 0; j < nt; j++)
			term_free(&terms[j]);
		if (st != CRM_OK) {
			st = crm_error_set(err, st, scs[0]->file, 0, 0, "out of memory");
			goto done;
		}
		if (v->evppi > res->evpi)
			v->evppi = res->evpi;
	}
done:
	free(terms);
	free(delta);
	free(xs);
	crm_joint_result_free(&jr);
	if (st != CRM_OK)
		crm_voi_result_free(res);
	return st;
}

void crm_voi_result_free(crm_voi_result *res)
{
	if (!res)
		return;
	for (size_t i = 0; i < res->nvalues; i++)
		free(res->values[i].name);
	free(res->values);
	free(res->mean);
	memset(res, 0, sizeof *res);
}

/* ------------------------------------------------------- gates as decisions */

/* Least squares of y[rows] on the terms (an intercept first), into coef (p values). */
static crm_status fit(struct term *terms, size_t nterms, const double *y, const size_t *rows,
		      size_t nrows, double *coef, size_t p)
{
	double *row = malloc(p * sizeof *row);
	gsl_matrix *X = nrows > p + 1 ? gsl_matrix_alloc(nrows, p) : NULL;
	gsl_vector *yv = X ? gsl_vector_alloc(nrows) : NULL, *c = X ? gsl_vector_alloc(p) : NULL;
	gsl_multifit_linear_workspace *w = X ? gsl_multifit_linear_alloc(nrows, p) : NULL;
	crm_status st = CRM_OK;

	memset(coef, 0, p * sizeof *coef);
	if (!row) {
		st = CRM_ENOMEM;
		goto done;
	}
	if (!X) {
		/* Too few draws for the terms: the mean alone. */
		double s = 0;
		for (size_t i = 0; i < nrows; i++)
			s += y[rows[i]];
		coef[0] = nrows ? s / (double)nrows : 0;
		goto done;
	}
	if (!yv || !c || !w) {
		st = CRM_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < nrows; i++) {
		size_t col = 1;
		row[0] = 1;
		for (size_t k = 0; k < nterms; k++) {
			term_row(&terms[k], rows[i], row + col);
			col += term_cols(&terms[k]);
		}
		for (size_t j = 0; j < p; j++)
			gsl_matrix_set(X, i, j, row[j]);
		gsl_vector_set(yv, i, y[rows[i]]);
	}
	double rnorm, snorm;
	if (gsl_multifit_linear_svd(X, w) == GSL_SUCCESS &&
	    gsl_multifit_linear_solve(0, X, yv, c, &rnorm, &snorm, w) == GSL_SUCCESS)
		for (size_t j = 0; j < p; j++)
			coef[j] = gsl_vector_get(c, j);
done:
	free(row);
	gsl_matrix_free(X);
	gsl_vector_free(yv);
	gsl_vector_free(c);
	if (w)
		gsl_multifit_linear_free(w);
	return st;
}

static double predict(struct term *terms, size_t nterms, const double *coef, size_t p, size_t i,
		      double *row)
{
	size_t col = 1;
	double v = coef[0];

	for (size_t k = 0; k < nterms; k++) {
		term_row(&terms[k], i, row + col);
		col += term_cols(&terms[k]);
	}
	for (size_t j = 1; j < p; j++)
		v += coef[j] * row[j];
	return v;
}

/* P10, P50, P90 and P(< 0) of v[0..m), sorted in place. */
static void spread_of(double *v, size_t m, double *p10, double *p50, double *p90, double *neg)
{
	size_t k = 0;

	for (size_t i = 0; i < m; i++)
		k += v[i] < 0;
	*neg = (double)k / (double)m;
	gsl_sort(v, 1, m);
	*p10 = gsl_stats_quantile_from_sorted_data(v, 1, m, 0.10);
	*p50 = gsl_stats_quantile_from_sorted_data(v, 1, m, 0.50);
	*p90 = gsl_stats_quantile_from_sorted_data(v, 1, m, 0.90);
}

static crm_status decide_group(const crm_scenario *sc, size_t g, uint64_t n, uint64_t seed,
			       crm_gate_decision *out, uint64_t *used, crm_error *err)
{
	const crm_group *grp = &sc->groups[g];
	const crm_scenario *one[1] = { sc };
	crm_joint_options o = { .n = n, .seed = seed, .keep_values = 1 };
	crm_joint_result as_drawn, go, stop;
	crm_status st;
	struct term terms[CRM_VOI_MAX_GROUP_SIZE];
	size_t nterms = 0, *rows[2] = { NULL, NULL }, nrows[2] = { 0, 0 }, m = 0;
	double *delta = NULL, *dec = NULL, *com = NULL, *xs = NULL, *row = NULL, *coef[2] = { 0 };
	unsigned char *chance = NULL;

	memset(&as_drawn, 0, sizeof as_drawn);
	memset(&go, 0, sizeof go);
	memset(&stop, 0, sizeof stop);
	memset(terms, 0, sizeof terms);
	memset(out, 0, sizeof *out);
	out->group = g;
	out->probability = grp->probability;
	if ((st = crm_joint_simulate(one, 1, &o, &as_drawn, err)) != CRM_OK)
		goto done;
	o.keep_values = 0;
	o.force_group = 1;
	o.group = g;
	o.group_on = 1;
	if ((st = crm_joint_simulate(one, 1, &o, &go, err)) != CRM_OK)
		goto done;
	o.group_on = 0;
	if ((st = crm_joint_simulate(one, 1, &o, &stop, err)) != CRM_OK)
		goto done;
	/* The gate's own draw, when it has a chance; the observed inputs that vary. */
	size_t gate_key = as_drawn.nkeys, obs[CRM_VOI_MAX_GROUP_SIZE], nobs = 0;
	for (size_t k = 0; k < as_drawn.nkeys; k++) {
		const crm_uncertain *u = &as_drawn.keys[k].item;
		if (u->kind == CRM_ITEM_EVENT && sc->lines[u->index].group == (int)g)
			gate_key = k;
		for (size_t j = 0; j < grp->ndecide && u->kind == CRM_ITEM_INPUT; j++)
			if (u->index == grp->decide[j] && nobs < CRM_VOI_MAX_GROUP_SIZE)
				obs[nobs++] = k;
	}
	out->nobserved = nobs;
	delta = malloc((n + 1) * sizeof *delta);
	dec = malloc((n + 1) * sizeof *dec);
	com = malloc((n + 1) * sizeof *com);
	xs = malloc(((nobs ? nobs : 1) * n + 1) * sizeof *xs);
	chance = malloc(n + 1);
	rows[0] = malloc((n + 1) * sizeof *rows[0]);
	rows[1] = malloc((n + 1) * sizeof *rows[1]);
	if (!delta || !dec || !com || !xs || !chance || !rows[0] || !rows[1]) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		goto done;
	}
	/* The usable draws, compacted: both outcomes and the draw as made have an NPV. */
	for (size_t d = 0; d < n; d++) {
		double a = as_drawn.npv[d], b = go.npv[d], c = stop.npv[d];
		if (isnan(a) || isnan(b) || isnan(c))
			continue;
		delta[m] = b - c;
		com[m] = a;
		dec[m] = c;
		chance[m] = gate_key == as_drawn.nkeys || as_drawn.value[gate_key * n + d] != 0;
		for (size_t j = 0; j < nobs; j++)
			xs[j * n + m] = as_drawn.value[obs[j] * n + d];
		m++;
	}
	*used = m;
	if (m < 4) {
		st = crm_error_set(err, CRM_EDATA, sc->file, grp->loc.line, 0, "group '%s': %zu draws "
				   "have an NPV going ahead and stopping: too few to decide on",
				   grp->name, m);
		goto done;
	}
	for (; nterms < nobs; nterms++)
		if (term_init(&terms[nterms], xs + nterms * n, m)) {
			st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
			goto done;
		}
	size_t p = 1;
	for (size_t k = 0; k < nterms; k++)
		p += term_cols(&terms[k]);
	row = malloc(p * sizeof *row);
	coef[0] = malloc(p * sizeof *coef[0]);
	coef[1] = malloc(p * sizeof *coef[1]);
	if (!row || !coef[0] || !coef[1]) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		goto done;
	}
	/* Two folds by draw parity, each fitted on the draws whose chance allows going ahead. */
	for (size_t i = 0; i < m; i++)
		if (chance[i])
			rows[i % 2][nrows[i % 2]++] = i;
	for (int f = 0; f < 2; f++)
		if ((st = fit(terms, nterms, delta, rows[f], nrows[f], coef[f], p)) != CRM_OK) {
			st = crm_error_set(err, st, sc->file, 0, 0, "out of memory");
			goto done;
		}
	double mean = 0, m2 = 0, sd = 0, sc_ = 0;
	uint64_t stops = 0;
	for (size_t i = 0; i < m; i++) {
		/* Draw i is decided by the fit of the other fold. */
		int ahead = chance[i] && predict(terms, nterms, coef[1 - i % 2], p, i, row) > 0;
		stops += chance[i] && !ahead;
		/* dec holds NPV stopping; going ahead adds the roll-out's difference. */
		if (ahead)
			dec[i] += delta[i];
		double gain = dec[i] - com[i];
		double dl = gain - mean;
		mean += dl / (double)(i + 1);
		m2 += dl * (gain - mean);
		sd += dec[i];
		sc_ += com[i];
	}
	out->decide = sd / (double)m;
	out->commit = sc_ / (double)m;
	out->option = mean;
	out->option_se = sqrt(m2 / (double)(m - 1) / (double)m);
	out->p_stop = (double)stops / (double)m;
	spread_of(com, m, &out->p10[0], &out->p50[0], &out->p90[0], &out->p_negative_commit);
	spread_of(dec, m, &out->p10[1], &out->p50[1], &out->p90[1], &out->p_negative_decide);
done:
	for (size_t k = 0; k < nterms; k++)
		term_free(&terms[k]);
	crm_joint_result_free(&as_drawn);
	crm_joint_result_free(&go);
	crm_joint_result_free(&stop);
	free(delta);
	free(dec);
	free(com);
	free(xs);
	free(chance);
	free(rows[0]);
	free(rows[1]);
	free(row);
	free(coef[0]);
	free(coef[1]);
	return st;
}

crm_status crm_decide(const crm_scenario *sc, uint64_t n, uint64_t seed, crm_decide_result *res,
		      crm_error *err)
{
	crm_status st = CRM_OK;

	memset(res, 0, sizeof *res);
	if (n < VOI_MIN_DRAWS || n > VOI_MAX_DRAWS)
		return crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "%llu draws: a decision at a "
				     "gate takes %llu to %llu", (unsigned long long)n, VOI_MIN_DRAWS,
				     VOI_MAX_DRAWS);
	res->n = n;
	res->gates = calloc(sc->ngroups + 1, sizeof *res->gates);
	if (!res->gates)
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	for (size_t g = 0; g < sc->ngroups && st == CRM_OK; g++)
		if (sc->groups[g].ndecide)
			st = decide_group(sc, g, n, seed, &res->gates[res->ngates++], &res->used, err);
	if (st != CRM_OK)
		crm_decide_result_free(res);
	return st;
}

void crm_decide_result_free(crm_decide_result *res)
{
	if (!res)
		return;
	free(res->gates);
	memset(res, 0, sizeof *res);
}
