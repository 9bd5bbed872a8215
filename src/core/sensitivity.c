/*
 * sensitivity.c - tornado, spider, data-table ranges and break-even values.
 *
 * Each moves one parameter away from the base case through a crm_analysis
 * and puts it back afterwards (a two-way data table is two such moves, driven
 * by the caller). Nothing here knows about output formats.
 */
#include "crmroi/analysis.h"

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
/* A bracket whose ends still differ by this fraction of the scan step's change is a jump. */
#define BREAKEVEN_JUMP_FRAC 1e-3
/* Or by this many times what the scan step's slope gives across the bracket. */
#define BREAKEVEN_JUMP_SLOPE 1e4
#define BREAKEVEN_NOISE_REL 1e-12  /* a difference this small (relative) is rounding */

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

/*
 * The rows of a tornado before any is evaluated: every input, then every
 * line, with a range (or, with pct, a plain number), in the scenario's order.
 */
static crm_status tornado_rows(crm_analysis *a, double pct, struct sort_row *rows, size_t *np,
			       crm_error *err)
{
	const crm_scenario *sc = crm_analysis_scenario(a);
	size_t n = 0;
	crm_status st;

	for (size_t k = 0; k < sc->ninputs + sc->nlines; k++) {
		crm_param p;
		if (k < sc->ninputs) {
			if ((st = crm_param_of_input(sc, k, &p, err)) != CRM_OK)
				return st;
		} else {
			crm_param_of_line(sc, k - sc->ninputs, &p);
		}
		if (!p.has_range) {
			/* --pct gives a range to plain-number inputs and lines. */
			if (pct <= 0 || !p.has_base)
				continue;
			double d = fabs(p.base) * pct / 100.0;
			p.low = p.base - d;
			p.high = p.base + d;
			if (!isfinite(p.low) || !isfinite(p.high))
				return crm_error_set(err, CRM_EDATA, p.loc.file ? p.loc.file : sc->file,
						     p.loc.line, p.loc.col, "%s: %g +/- %g%% is beyond the "
						     "largest number (about 1.8e308)", p.name, p.base, pct);
		}
		crm_tornado_row *r = &rows[n].row;
		rows[n].order = n;
		r->param = p;
		r->low = p.low;
		r->high = p.high;
		n++;
	}
	*np = n;
	return CRM_OK;
}

static crm_status tornado_eval(crm_analysis *a, crm_metric_id metric, crm_tornado_row *r,
			       crm_error *err)
{
	crm_status st;

	if ((st = value_at(a, &r->param, r->low, metric, &r->at_low, err)) != CRM_OK ||
	    (st = value_at(a, &r->param, r->high, metric, &r->at_high, err)) != CRM_OK)
		return st;
	r->swing_ok = r->at_low.ok && r->at_high.ok;
	r->swing = r->swing_ok ? fabs(r->at_high.v - r->at_low.v) : NAN;
	return CRM_OK;
}

static int descending(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a < b) - (a > b);
}

/* The k-th largest (k >= 1) of the n values x, which it sorts; -inf when n < k. */
static double kth_largest(double *x, size_t n, size_t k)
{
	if (k == 0 || n < k)
		return -INFINITY;
	qsort(x, n, sizeof *x, descending);
	return x[k - 1];
}

/*
 * Mark in keep[] the rows that may be among the first `top` rows, or hold
 * the first top_base rows with a base: screened by NPV the short way
 * (crm_analysis_npv_each), the rows whose swing there is at least the
 * top-th largest (the top_base-th among rows with a base) less a margin,
 * and every row the short way cannot decide. The short way adds the same
 * amounts in another order, so its NPV is within about 1e-15 of the flows'
 * size of the full evaluation's: TORNADO_SCREEN_REL of that size is room to
 * spare. *all is set when every row must be evaluated.
 */
#define TORNADO_SCREEN_REL 1e-7

static crm_status tornado_screen(crm_analysis *a, struct sort_row *rows, size_t n, size_t top,
				 size_t top_base, char *keep, int *all, crm_error *err)
{
	crm_param *p = malloc((2 * n + 1) * sizeof *p);
	double *v = malloc((2 * n + 1) * sizeof *v), *out = malloc((2 * n + 1) * sizeof *out);
	double *sw = malloc((n + 1) * sizeof *sw), *swb = malloc((n + 1) * sizeof *swb);
	static const crm_metric_id size_ids[2] = { CRM_METRIC_PV_BENEFITS, CRM_METRIC_PV_COSTS };
	crm_value size[2];
	crm_status st = CRM_OK;
	size_t nf = 0, nb = 0;

	*all = 1;
	if (!p || !v || !out || !sw || !swb) {
		st = crm_error_set(err, CRM_ENOMEM, crm_analysis_scenario(a)->file, 0, 0, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		p[2 * i] = p[2 * i + 1] = rows[i].row.param;
		v[2 * i] = rows[i].row.low;
		v[2 * i + 1] = rows[i].row.high;
	}
	if ((st = crm_analysis_npv_each(a, p, v, 2 * n, out, err)) != CRM_OK ||
	    (st = crm_analysis_eval(a, size_ids, 2, size, err)) != CRM_OK)
		goto done;
	double big = (size[0].ok ? fabs(size[0].v) : 0) + (size[1].ok ? fabs(size[1].v) : 0);
	for (size_t i = 0; i < n; i++) {
		double lo = out[2 * i], hi = out[2 * i + 1];
		if (isnan(lo) || isnan(hi))
			continue;
		big = fmax(big, fmax(fabs(lo), fabs(hi)));
		sw[nf++] = fabs(hi - lo);
		if (rows[i].row.param.has_base)
			swb[nb++] = fabs(hi - lo);
	}
	/* Too few rows the short way decides to know the cut: every row. */
	if (nf < top || nb < top_base)
		goto done;
	double cut = kth_largest(sw, nf, top);
	if (top_base)
		cut = fmin(cut, kth_largest(swb, nb, top_base));
	cut -= TORNADO_SCREEN_REL * big;
	for (size_t i = 0; i < n; i++) {
		double lo = out[2 * i], hi = out[2 * i + 1];
		keep[i] = isnan(lo) || isnan(hi) || fabs(hi - lo) >= cut;
	}
	*all = 0;
done:
	free(p);
	free(v);
	free(out);
	free(sw);
	free(swb);
	return st;
}

crm_status crm_tornado(crm_analysis *a, crm_metric_id metric, double pct,
		       crm_tornado_row **rowsp, size_t *nrowsp, crm_value *base, crm_error *err)
{
	return crm_tornado_top(a, metric, pct, 0, 0, rowsp, nrowsp, NULL, base, err);
}

crm_status crm_tornado_top(crm_analysis *a, crm_metric_id metric, double pct, size_t top,
			   size_t top_base, crm_tornado_row **rowsp, size_t *nrowsp, size_t *nparams,
			   crm_value *base, crm_error *err)
{
	const crm_scenario *sc = crm_analysis_scenario(a);
	struct sort_row *rows = calloc(sc->ninputs + sc->nlines + 1, sizeof *rows);
	char *keep = NULL;
	size_t n = 0, m = 0;
	int all = 1;
	crm_status st;

	*rowsp = NULL;
	*nrowsp = 0;
	if (!rows)
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	if ((st = crm_analysis_eval(a, &metric, 1, base, err)) != CRM_OK ||
	    (st = tornado_rows(a, pct, rows, &n, err)) != CRM_OK)
		goto fail;
	if (nparams)
		*nparams = n;
	/* Only the first rows wanted, of many, by NPV: the others screened out the short way. */
	if (top && n > top && metric == CRM_METRIC_NPV) {
		if (!(keep = malloc(n + 1))) {
			st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
			goto fail;
		}
		if ((st = tornado_screen(a, rows, n, top, top_base, keep, &all, err)) != CRM_OK)
			goto fail;
	}
	for (size_t i = 0; i < n; i++) {
		if (!all && !keep[i])
			continue;
		rows[m] = rows[i];
		if ((st = tornado_eval(a, metric, &rows[m].row, err)) != CRM_OK)
			goto fail;
		m++;
	}
	qsort(rows, m, sizeof *rows, by_swing);
	/* The first rows that hold top rows and top_base rows with a base. */
	size_t keep_n = m;
	if (top) {
		size_t based = 0;
		for (keep_n = 0; keep_n < m && (keep_n < top || based < top_base); keep_n++)
			based += rows[keep_n].row.param.has_base != 0;
	}
	crm_tornado_row *out = malloc((keep_n + 1) * sizeof *out);
	if (!out) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < keep_n; i++)
		out[i] = rows[i].row;
	free(rows);
	free(keep);
	*rowsp = out;
	*nrowsp = keep_n;
	return CRM_OK;
fail:
	free(rows);
	free(keep);
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
		for (size_t k = 0; k < nsteps; k++) {
			double x = p.base * (1.0 + steps[k] / 100.0);
			if (!isfinite(x)) {
				st = crm_error_set(err, CRM_EDATA, p.loc.file ? p.loc.file : sc->file,
						   p.loc.line, p.loc.col, "%s: %g %+g%% is beyond the "
						   "largest number (about 1.8e308)", p.name, p.base, steps[k]);
				goto fail;
			}
			/* A share of adoption or a month has values no line can take: not a point. */
			if ((p.months || (p.kind == CRM_PARAM_INPUT && sc->inputs[p.index].adoption)) &&
			    (x < p.dom_lo || x > p.dom_hi)) {
				values[n * nsteps + k] = (crm_value){ NAN, 0, p.months
					? "a month no line can have" : "a share outside 0% to 100%" };
				continue;
			}
			if ((st = value_at(a, &p, x, metric, &values[n * nsteps + k], err)) != CRM_OK)
				goto fail;
		}
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
	if (p->whole && p->months) {
		*lo = p->dom_lo;   /* the months every line can have (crm_param_find) */
		*hi = p->dom_hi;
		return;
	}
	if (p->whole) {
		*lo = fmax(1, p->dom_lo);
		*hi = fmin(CRM_MAX_HORIZON_YEARS, p->dom_hi);
		return;
	}
	if (p->base > 0) {
		*lo = 0;
		*hi = 10 * p->base;
	} else if (p->base < 0) {
		*lo = 10 * p->base;
		*hi = 0;
	} else {
		*lo = -1;
		*hi = 1;
	}
	/* Stay inside the domain: a risk of 100.2% or a rate of -120% means nothing. */
	*lo = fmax(*lo, p->dom_lo);
	*hi = fmin(*hi, p->dom_hi);
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

/* Refine a bracketed crossing with GSL's Brent solver; *a, *b: the final bracket. */
static crm_status refine(struct be_fn *fn, double lo, double hi, double *root, double *a,
			 double *b)
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
	*root = gsl_root_fsolver_root(s);
	*a = gsl_root_fsolver_x_lower(s);
	*b = gsl_root_fsolver_x_upper(s);
	gsl_root_fsolver_free(s);
	if (fn->st != CRM_OK)
		return fn->st;
	/* GSL_EBADFUNC: undefined inside the bracket; the caller tells it from the ends. */
	if (status != GSL_SUCCESS && status != GSL_EBADFUNC)
		return crm_error_set(fn->err, CRM_ENUM, NULL, 0, 0, "break-even solver: %s",
				     gsl_strerror(status));
	return CRM_OK;
}

/*
 * Which side of the target a point is on: 1 at or above, 0 below, -1 none
 * (the metric does not exist there). A payback that is not reached is later
 * than any target, so it is above.
 */
static int side_of(const crm_value *v, crm_metric_id metric, double target)
{
	if (v->ok)
		return v->v >= target;
	if (crm_metric_info_of(metric)->unit == CRM_UNIT_MONTHS)
		return !strcmp(v->why, "not reached") ? 1 : -1;
	return -1;
}

/*
 * Narrow [a, b], whose ends lie on different sides, by bisection, to a width
 * of BREAKEVEN_EPSREL: used where the metric is undefined on one side, where
 * Brent's interpolation has nothing to work with.
 */
static crm_status bisect(crm_analysis *an, const crm_param *p, crm_metric_id metric,
			 double target, double *a, crm_value *va, double *b, crm_value *vb,
			 crm_error *err)
{
	int sa = side_of(va, metric, target);
	double scale = fmax(fabs(*a), fabs(*b));

	for (int i = 0; i < BREAKEVEN_MAX_ITER && fabs(*b - *a) > BREAKEVEN_EPSREL * scale; i++) {
		double m = 0.5 * (*a + *b);
		crm_value vm;
		crm_status st;
		if (m == *a || m == *b)
			break;
		if ((st = value_at(an, p, m, metric, &vm, err)) != CRM_OK)
			return st;
		if (side_of(&vm, metric, target) == sa) {
			*a = m;
			*va = vm;
		} else {
			*b = m;
			*vb = vm;
		}
	}
	return CRM_OK;
}

static void set_jump(crm_breakeven *out, double a, const crm_value *va, double b,
		     const crm_value *vb)
{
	out->status = CRM_BE_JUMP;
	out->jump_lo = a < b ? a : b;
	out->jump_hi = a < b ? b : a;
	out->at_jump_lo = a < b ? *va : *vb;
	out->at_jump_hi = a < b ? *vb : *va;
}

crm_status crm_breakeven_solve(crm_analysis *a, const crm_param *p, crm_metric_id metric,
			       double target, double lo, double hi, crm_breakeven *out,
			       crm_error *err)
{
	const crm_scenario *sc = crm_analysis_scenario(a);
	double *x = NULL;
	crm_value *v = NULL;
	int *sd = NULL;
	struct be_fn fn = { a, p, metric, target, CRM_OK, err };
	crm_status st = CRM_OK;
	size_t npts;

	memset(out, 0, sizeof *out);
	out->param = *p;
	out->lo = lo;
	out->hi = hi;
	out->value = NAN;
	out->change = NAN;
	out->jump_lo = out->jump_hi = out->neighbour = NAN;
	if (!isfinite(lo) || !isfinite(hi) || !isfinite(hi - lo))
		return crm_error_set(err, CRM_EDATA, p->loc.file ? p->loc.file : sc->file, p->loc.line,
				     p->loc.col, "%s: the break-even interval %g to %g is not finite "
				     "(the value %g is too large to search around; crmroi breakeven "
				     "--interval LOW:HIGH searches a given interval)",
				     p->name, lo, hi, p->base);
	if (!(lo <= hi))
		return crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "%s: the break-even interval "
				     "%g to %g is empty", p->name, lo, hi);
	if (p->whole) {
		/* Bounded before any size is computed from it. */
		if (lo < p->dom_lo || hi > p->dom_hi || ceil(lo) > floor(hi))
			return crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "%s: the interval %g to "
					     "%g is not within the whole numbers %g to %g", p->name,
					     lo, hi, p->dom_lo, p->dom_hi);
		npts = (size_t)(floor(hi) - ceil(lo)) + 1;
	} else {
		npts = CRM_BREAKEVEN_SCAN + 1;
	}
	x = malloc(npts * sizeof *x);
	v = malloc(npts * sizeof *v);
	sd = malloc(npts * sizeof *sd);
	if (!x || !v || !sd) {
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
		x[j] = p->whole ? ceil(lo) + (double)j : lo + (hi - lo) * (double)j / (double)(npts - 1);
		if (j == npts - 1 && !p->whole)
			x[j] = hi;
		if ((st = value_at(a, p, x[j], metric, &v[j], err)) != CRM_OK)
			goto done;
		sd[j] = side_of(&v[j], metric, target);
	}
	out->at_lo = v[0];
	out->at_hi = v[npts - 1];

	/* Flat: every point defined and equal. */
	double flo = INFINITY, fhi = -INFINITY;
	int all_ok = 1;
	for (size_t j = 0; j < npts; j++) {
		if (!v[j].ok) {
			all_ok = 0;
			continue;
		}
		flo = fmin(flo, v[j].v);
		fhi = fmax(fhi, v[j].v);
	}
	if (all_ok && fhi - flo <= FLAT_REL * (1.0 + fmax(fabs(flo), fabs(fhi)))) {
		out->status = CRM_BE_FLAT;
		goto done;
	}

	/*
	 * Crossings: neighbouring points with a side (skipping points without
	 * one) on different sides. Keep the one nearest the base.
	 */
	double best_dist = INFINITY;
	size_t bj = 0, bk = 0;
	for (size_t j = 0, k; j < npts; j = k) {
		if (sd[j] < 0) {
			k = j + 1;
			continue;
		}
		for (k = j + 1; k < npts && sd[k] < 0; k++)
			;
		if (k == npts)
			break;
		if (sd[j] == sd[k])
			continue;
		out->crossings++;
		double d = fabs(0.5 * (x[j] + x[k]) - p->base);
		if (d < best_dist) {
			best_dist = d;
			bj = j;
			bk = k;
		}
	}
	if (!out->crossings) {
		out->status = CRM_BE_NONE;
		goto done;
	}
	/* The point of the pair at or above the target, and the one below. */
	size_t up = sd[bj] ? bj : bk, down = sd[bj] ? bk : bj;
	if (bk > bj + 1) {
		/* Undefined in between (no IRR, say): the metric does not pass through the target. */
		set_jump(out, x[bj], &v[bj], x[bk], &v[bk]);
		goto done;
	}
	if (p->whole || (v[up].ok && v[up].v == target)) {
		/* Whole values: the one at or above the target; or an exact hit on the grid. */
		if (!v[up].ok) {
			set_jump(out, x[bj], &v[bj], x[bk], &v[bk]);
			goto done;
		}
		out->value = x[up];
		out->neighbour = x[down];
		out->at_neighbour = v[down];
	} else if (v[bj].ok && v[bk].ok) {
		double root = NAN, ra = NAN, rb = NAN;
		crm_value va, vb;
		if ((st = refine(&fn, x[bj], x[bk], &root, &ra, &rb)) != CRM_OK)
			goto done;
		if ((st = value_at(a, p, ra, metric, &va, err)) != CRM_OK ||
		    (st = value_at(a, p, rb, metric, &vb, err)) != CRM_OK)
			goto done;
		/*
		 * Brent keeps a bracket around the crossing. Where the metric is
		 * continuous the values at its ends differ by a vanishing fraction of
		 * the change between the scan points, about what the scan's slope
		 * gives across the bracket; where it jumps over the target (a round()
		 * step, however small beside the scan step) they stay apart.
		 */
		double dv = fabs(vb.v - va.v), scan = fabs(v[bk].v - v[bj].v);
		double slope_says = scan * fabs(rb - ra) / fabs(x[bk] - x[bj]);
		if (va.ok && vb.ok && side_of(&va, metric, target) != side_of(&vb, metric, target) &&
		    (dv > BREAKEVEN_JUMP_FRAC * scan ||
		     dv > BREAKEVEN_JUMP_SLOPE * slope_says +
			  BREAKEVEN_NOISE_REL * (fabs(va.v) + fabs(vb.v)))) {
			set_jump(out, ra, &va, rb, &vb);
			goto done;
		}
		out->value = root;
	} else {
		/* One end has no value (a payback that stops being reached): find the edge. */
		double ea = x[down], eb = x[up];
		crm_value va = v[down], vb = v[up];
		if ((st = bisect(a, p, metric, target, &ea, &va, &eb, &vb, err)) != CRM_OK)
			goto done;
		set_jump(out, ea, &va, eb, &vb);
		goto done;
	}
	out->status = CRM_BE_FOUND;
	if (p->base != 0)
		out->change = (out->value - p->base) / fabs(p->base);
done:
	crm_analysis_reset(a, p);
	free(x);
	free(v);
	free(sd);
	return st;
}

crm_status crm_breakeven_each(crm_analysis *a, const crm_param *params, size_t np,
			      crm_metric_id metric, double target, const double *interval,
			      crm_breakeven_row *rows, crm_error *first_fail, crm_error *err)
{
	crm_status st = CRM_OK;

	if (first_fail)
		crm_error_clear(first_fail);
	for (size_t i = 0; i < np; i++) {
		crm_breakeven_row *r = &rows[i];
		const crm_param *p = &params[i];
		memset(r, 0, sizeof *r);
		if (interval) {
			r->lo = interval[0];
			r->hi = interval[1];
		} else {
			crm_breakeven_interval(p, &r->lo, &r->hi);
		}
		st = crm_breakeven_solve(a, p, metric, target, r->lo, r->hi, &r->be, err);
		r->be.param = *p;
		if (st == CRM_EUSAGE || st == CRM_EDATA) {
			/* One that cannot be searched leaves the others' rows: the reason in its own. */
			snprintf(r->why_not, sizeof r->why_not, "%s", err ? err->msg : "");
			if (first_fail && first_fail->status == CRM_OK && err)
				*first_fail = *err;
			crm_error_clear(err);
			st = CRM_OK;
			continue;
		}
		if (st != CRM_OK)
			return st;
		r->searched = 1;
		if (r->be.status == CRM_BE_FLAT)
			r->left_out = crm_param_left_out(a, p);
	}
	return st;
}
