/*
 * sensitivity.c - tornado, spider, data-table ranges and break-even values.
 *
 * Each moves one parameter away from the base case through a crm_analysis
 * and puts it back afterwards (a two-way data table is two such moves, driven
 * by the caller). Nothing here knows about output formats.
 */
#include "crmroi/analysis.h"
#include "crmroi/assess.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BREAKEVEN_MAX_ITER 200
#define BREAKEVEN_EPSREL 1e-12
#define FLAT_REL 1e-12          /* a metric that moves less than this (relative) is flat */
#define STEP_SLACK 1e-9         /* rounding allowed when TO lies on the grid, in steps */

/* Metric at p = v, with p put back afterwards. */
static crm_status value_at(crm_analysis *a, const crm_param *p, double v, crm_metric_id metric,
			   crm_value *out, crm_error *err)
{
	crm_status st = crm_analysis_set(a, p, v, err);

	if (st != CRM_OK)
		return st;
	st = crm_analysis_eval(a, &metric, 1, out, err);
	crm_analysis_reset(a, p);
	return st;
}

/* ---------------------------------------------------------------- tornado */

struct sort_row {
	crm_tornado_row row;
	size_t order;
};

static int by_swing(const void *x, const void *y)
{
	const struct sort_row *a = x, *b = y;

	if (a->row.swing_ok != b->row.swing_ok)
		return b->row.swing_ok - a->row.swing_ok;
	if (a->row.swing_ok && a->row.swing != b->row.swing)
		return a->row.swing < b->row.swing ? 1 : -1;
	return (a->order > b->order) - (a->order < b->order);
}

crm_status crm_tornado(crm_analysis *a, crm_metric_id metric, double pct,
		       crm_tornado_row **rowsp, size_t *nrowsp, crm_value *base, crm_error *err)
{
	const crm_scenario *sc = crm_analysis_scenario(a);
	struct sort_row *rows = calloc(sc->ninputs + sc->nlines + 1, sizeof *rows);
	size_t n = 0;
	crm_status st;

	*rowsp = NULL;
	*nrowsp = 0;
	if (!rows)
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	if ((st = crm_analysis_eval(a, &metric, 1, base, err)) != CRM_OK)
		goto fail;
	for (size_t k = 0; k < sc->ninputs + sc->nlines; k++) {
		const char *name = k < sc->ninputs ? sc->inputs[k].name : sc->lines[k - sc->ninputs].label;
		crm_param p;
		if ((st = crm_param_find(sc, name, &p, err)) != CRM_OK)
			goto fail;
		if (!p.has_range) {
			/* --pct gives a range to plain-number inputs and lines. */
			if (pct <= 0 || !p.has_base)
				continue;
			double d = fabs(p.base) * pct / 100.0;
			p.low = p.base - d;
			p.high = p.base + d;
		}
		crm_tornado_row *r = &rows[n].row;
		rows[n].order = n;
		r->param = p;
		r->low = p.low;
		r->high = p.high;
		if ((st = value_at(a, &p, p.low, metric, &r->at_low, err)) != CRM_OK ||
		    (st = value_at(a, &p, p.high, metric, &r->at_high, err)) != CRM_OK)
			goto fail;
		r->swing_ok = r->at_low.ok && r->at_high.ok;
		r->swing = r->swing_ok ? fabs(r->at_high.v - r->at_low.v) : NAN;
		n++;
	}
	qsort(rows, n, sizeof *rows, by_swing);
	crm_tornado_row *out = malloc((n + 1) * sizeof *out);
	if (!out) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = rows[i].row;
	free(rows);
	*rowsp = out;
	*nrowsp = n;
	return CRM_OK;
fail:
	free(rows);
	return st;
}

/* ----------------------------------------------------------------- spider */

crm_status crm_spider(crm_analysis *a, crm_metric_id metric, const double *steps, size_t nsteps,
		      crm_param **paramsp, size_t *nparamsp, crm_value **valuesp, crm_error *err)
{
	const crm_scenario *sc = crm_analysis_scenario(a);
	crm_param *params = malloc((sc->ninputs + 1) * sizeof *params);
	crm_value *values = malloc((sc->ninputs + 1) * (nsteps + 1) * sizeof *values);
	size_t n = 0;
	crm_status st = CRM_OK;

	*paramsp = NULL;
	*valuesp = NULL;
	*nparamsp = 0;
	if (!params || !values) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < sc->ninputs; i++) {
		crm_param p;
		if ((st = crm_param_find(sc, sc->inputs[i].name, &p, err)) != CRM_OK)
			goto fail;
		if (!p.has_base)
			continue;
		for (size_t k = 0; k < nsteps; k++)
			if ((st = value_at(a, &p, p.base * (1.0 + steps[k] / 100.0), metric,
					   &values[n * nsteps + k], err)) != CRM_OK)
				goto fail;
		params[n++] = p;
	}
	*paramsp = params;
	*valuesp = values;
	*nparamsp = n;
	return CRM_OK;
fail:
	free(params);
	free(values);
	return st;
}

/* ------------------------------------------------------------------ sweep */

crm_status crm_steps(double from, double to, double step, double max, size_t *n, crm_error *err)
{
	if (!isfinite(from) || !isfinite(to) || !isfinite(step))
		return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "FROM, TO and STEP must be finite "
				     "numbers");
	if (step == 0)
		return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "STEP is 0 (expected a step that "
				     "moves from FROM towards TO)");
	double span = (to - from) / step;
	if (span < -STEP_SLACK)
		return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "FROM %g is %s TO %g, so a step of "
				     "%g never reaches it (use a %s step)", from,
				     from > to ? "above" : "below", to, step,
				     step > 0 ? "negative" : "positive");
	double count = floor(span + STEP_SLACK) + 1;
	if (count > max)
		return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "%.0f points from %g to %g by %g "
				     "is more than the %.0f a data table may have (use a larger step)",
				     count, from, to, step, max);
	*n = (size_t)count;
	return CRM_OK;
}

double crm_step_value(double from, double to, double step, size_t i)
{
	double v = from + (double)i * step;

	/* Land exactly on TO when it is on the grid, whatever the rounding. */
	if (fabs(v - to) <= STEP_SLACK * fabs(step))
		return to;
	return v;
}

/* -------------------------------------------------------------- break-even */

void crm_breakeven_interval(const crm_param *p, double *lo, double *hi)
{
	if (p->kind == CRM_PARAM_SETTING && (p->index == CRM_SET_READINESS_SCORE ||
					     p->index == CRM_SET_READINESS_FLOOR)) {
		/* Their whole domain: 0 to 1000 points, a floor of 0% to 100%. */
		*lo = 0;
		*hi = p->index == CRM_SET_READINESS_SCORE ? CRM_ASSESS_MAX_POINTS : 1;
	} else if (p->whole) {
		*lo = 1;
		*hi = CRM_MAX_HORIZON_YEARS;
	} else if (p->base > 0) {
		*lo = 0;
		*hi = 10 * p->base;
	} else if (p->base < 0) {
		*lo = 10 * p->base;
		*hi = 0;
	} else {
		*lo = -1;
		*hi = 1;
	}
}

struct be_fn {
	crm_analysis *a;
	const crm_param *p;
	crm_metric_id metric;
	double target;
	crm_status st;
	crm_error *err;
};

static double be_f(double x, void *params)
{
	struct be_fn *f = params;
	crm_value v;

	if (f->st != CRM_OK)
		return NAN;
	f->st = value_at(f->a, f->p, x, f->metric, &v, f->err);
	return f->st == CRM_OK && v.ok ? v.v - f->target : NAN;
}

/* Refine a bracketed crossing with GSL's Brent solver. */
static crm_status refine(struct be_fn *fn, double lo, double hi, double *root)
{
	gsl_function F = { be_f, fn };
	gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	int status, iter = 0;
	double scale = fmax(fabs(lo), fabs(hi));

	if (!s)
		return crm_error_set(fn->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	status = gsl_root_fsolver_set(s, &F, lo, hi);
	while (status == GSL_SUCCESS && iter++ < BREAKEVEN_MAX_ITER) {
		status = gsl_root_fsolver_iterate(s);
		if (status != GSL_SUCCESS)
			break;
		status = gsl_root_test_interval(gsl_root_fsolver_x_lower(s), gsl_root_fsolver_x_upper(s),
						BREAKEVEN_EPSREL * scale, BREAKEVEN_EPSREL);
		if (status == GSL_CONTINUE)
			status = GSL_SUCCESS;
		else
			break;
	}
	/*
	 * GSL_EBADFUNC means the metric is undefined somewhere inside the bracket
	 * (payback not reached, no IRR): the crossing is then a jump, and the
	 * bracket GSL had narrowed is the answer to its width.
	 */
	*root = gsl_root_fsolver_root(s);
	gsl_root_fsolver_free(s);
	if (fn->st != CRM_OK)
		return fn->st;
	if (status != GSL_SUCCESS && status != GSL_EBADFUNC)
		return crm_error_set(fn->err, CRM_ENUM, NULL, 0, 0, "break-even solver: %s",
				     gsl_strerror(status));
	return CRM_OK;
}

static int side(double f)
{
	return (f > 0) - (f < 0);
}

crm_status crm_breakeven_solve(crm_analysis *a, const crm_param *p, crm_metric_id metric,
			       double target, double lo, double hi, crm_breakeven *out,
			       crm_error *err)
{
	const crm_scenario *sc = crm_analysis_scenario(a);
	size_t npts = p->whole ? (size_t)(floor(hi) - ceil(lo)) + 1 : CRM_BREAKEVEN_SCAN + 1;
	double *x = malloc(npts * sizeof *x), *f = malloc(npts * sizeof *f);
	int *ok = malloc(npts * sizeof *ok);
	struct be_fn fn = { a, p, metric, target, CRM_OK, err };
	crm_status st = CRM_OK;

	memset(out, 0, sizeof *out);
	out->param = *p;
	out->lo = lo;
	out->hi = hi;
	out->value = NAN;
	out->change = NAN;
	if (!x || !f || !ok) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		goto done;
	}
	if ((st = crm_analysis_eval(a, &metric, 1, &out->at_base, err)) != CRM_OK)
		goto done;
	if (!p->has_base) {
		out->status = CRM_BE_NO_BASE;
		goto done;
	}
	for (size_t j = 0; j < npts; j++) {
		crm_value v;
		x[j] = p->whole ? ceil(lo) + (double)j : lo + (hi - lo) * (double)j / (double)(npts - 1);
		if ((st = value_at(a, p, x[j], metric, &v, err)) != CRM_OK)
			goto done;
		ok[j] = v.ok;
		f[j] = v.ok ? v.v - target : NAN;
		if (j == 0)
			out->at_lo = v;
		if (j == npts - 1)
			out->at_hi = v;
	}

	/* Flat: every defined value equal. */
	double flo = INFINITY, fhi = -INFINITY;
	for (size_t j = 0; j < npts; j++)
		if (ok[j]) {
			flo = flo < f[j] ? flo : f[j];
			fhi = fhi > f[j] ? fhi : f[j];
		}
	if (flo <= fhi && fhi - flo <= FLAT_REL * (1.0 + fmax(fabs(flo + target), fabs(fhi + target)))) {
		out->status = CRM_BE_FLAT;
		goto done;
	}

	/* Crossings between neighbouring defined points; keep the one nearest the base. */
	double best_dist = INFINITY;
	size_t best = 0;
	int exact = 0;
	for (size_t j = 0; j < npts; j++) {
		if (!ok[j])
			continue;
		if (f[j] == 0 && (j == 0 || !ok[j - 1] || f[j - 1] != 0)) {
			out->crossings++;
			if (fabs(x[j] - p->base) < best_dist) {
				best_dist = fabs(x[j] - p->base);
				best = j;
				exact = 1;
			}
			continue;
		}
		if (j + 1 < npts && ok[j + 1] && f[j] != 0 && f[j + 1] != 0 &&
		    side(f[j]) != side(f[j + 1])) {
			out->crossings++;
			double mid = 0.5 * (x[j] + x[j + 1]);
			if (fabs(mid - p->base) < best_dist) {
				best_dist = fabs(mid - p->base);
				best = j;
				exact = 0;
			}
		}
	}
	if (!out->crossings) {
		out->status = CRM_BE_NONE;
		goto done;
	}
	if (exact) {
		out->value = x[best];
	} else if (p->whole) {
		/* Whole values (a horizon): the one on the base case's side of the crossing. */
		int sb = out->at_base.ok ? side(out->at_base.v - target) : 0;
		out->value = sb && side(f[best]) == sb ? x[best] : x[best + 1];
	} else if ((st = refine(&fn, x[best], x[best + 1], &out->value)) != CRM_OK) {
		goto done;
	}
	out->status = CRM_BE_FOUND;
	if (p->base != 0)
		out->change = (out->value - p->base) / fabs(p->base);
done:
	crm_analysis_reset(a, p);
	free(x);
	free(f);
	free(ok);
	return st;
}
