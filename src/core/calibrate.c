/*
 * calibrate.c - realised inputs and events against the plan's ranges and
 * probabilities (crmroi/calibrate.h).
 */
#include "crmroi/calibrate.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crmroi/expr.h"
#include "crmroi/sample.h"

void crm_clopper_pearson(size_t k, size_t n, double conf, double *lo, double *hi)
{
	double a = (1 - conf) / 2;

	if (!n) {
		*lo = *hi = NAN;
		return;
	}
	*lo = k == 0 ? 0 : gsl_cdf_beta_Pinv(a, (double)k, (double)(n - k + 1));
	*hi = k == n ? 1 : gsl_cdf_beta_Pinv(1 - a, (double)(k + 1), (double)(n - k));
}

/* The input's distribution, as a simulation draws it. */
static void dist_of(const crm_input *in, size_t i, crm_uncertain *u)
{
	double base = crm_expr_kind(in->value) == CRM_VALUE_NUMBER ? crm_expr_number(in->value)
		      : (in->range.low + in->range.high) / 2;
	crm_uncertain_init(u, CRM_ITEM_INPUT, (int)i, in->name, &in->range, base);
}

void crm_calib_widen(const crm_input *in, double factor, double *low, double *high)
{
	crm_uncertain u;
	dist_of(in, 0, &u);
	double m = crm_uncertain_quantile(&u, 0.5);

	*low = m - factor * (m - in->range.low);
	*high = m + factor * (in->range.high - m);
}

/* Where x falls, and the widening around the median that brings it inside the 90% interval. */
static void judge(const crm_input *in, size_t i, double x, crm_calib_value *v)
{
	crm_uncertain u;

	dist_of(in, i, &u);
	v->pit = crm_uncertain_cdf(&u, x);
	v->in80 = v->pit >= 0.10 && v->pit <= 0.90;
	v->in90 = v->pit >= 0.05 && v->pit <= 0.95;
	double m = crm_uncertain_quantile(&u, 0.5), q05 = crm_uncertain_quantile(&u, 0.05);
	double q95 = crm_uncertain_quantile(&u, 0.95);
	if (x < m)
		v->factor = m > q05 ? (m - x) / (m - q05) : INFINITY;
	else
		v->factor = q95 > m ? (x - m) / (q95 - m) : (x > m ? INFINITY : 0);
}

static int owner_index(crm_calibration *c, const char *owner, size_t cap)
{
	for (size_t k = 0; k < c->nowners; k++)
		if (!strcmp(c->owners[k].owner, owner))
			return (int)k;
	if (c->nowners == cap)
		return -1;
	crm_calib_owner *o = &c->owners[c->nowners];
	memset(o, 0, sizeof *o);
	o->owner = owner;
	o->widen = o->brier = NAN;
	return (int)c->nowners++;
}

crm_status crm_calibrate(const crm_scenario *sc, const crm_actuals *a, crm_calibration *out,
			 crm_error *err)
{
	size_t n = crm_actuals_count(a), cap = sc->ninputs + sc->nlines + 1;
	int *latest_in = malloc((sc->ninputs + 1) * sizeof *latest_in);
	int *latest_ev = malloc((sc->nlines + 1) * sizeof *latest_ev);
	double *k = NULL;

	memset(out, 0, sizeof *out);
	out->brier = NAN;
	out->values = calloc(sc->ninputs + 1, sizeof *out->values);
	out->events = calloc(sc->nlines + 1, sizeof *out->events);
	out->owners = calloc(cap, sizeof *out->owners);
	k = malloc((sc->ninputs + 1) * sizeof *k);
	if (!latest_in || !latest_ev || !out->values || !out->events || !out->owners || !k) {
		free(latest_in);
		free(latest_ev);
		free(k);
		crm_calibration_free(out);
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	}
	/* The latest realised value of each input and event. */
	for (size_t i = 0; i < sc->ninputs; i++)
		latest_in[i] = -1;
	for (size_t l = 0; l < sc->nlines; l++)
		latest_ev[l] = -1;
	for (size_t i = 0; i < n; i++) {
		const crm_actual *x = crm_actuals_get(a, i);
		int *slot = x->kind == CRM_ACTUAL_INPUT ? &latest_in[x->index] :
			    x->kind == CRM_ACTUAL_EVENT ? &latest_ev[x->index] : NULL;
		if (slot && (*slot < 0 || crm_actuals_get(a, (size_t)*slot)->month <= x->month))
			*slot = (int)i;
	}
	for (size_t i = 0; i < sc->ninputs; i++) {
		if (latest_in[i] < 0)
			continue;
		const crm_input *in = &sc->inputs[i];
		const crm_actual *x = crm_actuals_get(a, (size_t)latest_in[i]);
		if (!in->range.given || !(in->range.high > in->range.low)) {
			out->nfixed++;
			continue;
		}
		crm_calib_value *v = &out->values[out->nvalues++];
		v->input = i;
		v->month = x->month;
		v->value = x->value;
		judge(in, i, x->value, v);
		int b = (int)(v->pit * CRM_CALIB_BINS);
		out->hist[b < 0 ? 0 : b >= CRM_CALIB_BINS ? CRM_CALIB_BINS - 1 : b]++;
		out->in80 += (size_t)v->in80;
		out->in90 += (size_t)v->in90;
		int o = owner_index(out, in->owner ? in->owner : "", cap);
		out->owners[o].n++;
		out->owners[o].in80 += (size_t)v->in80;
		out->owners[o].in90 += (size_t)v->in90;
	}
	crm_clopper_pearson(out->in80, out->nvalues, 0.95, &out->lo80, &out->hi80);
	crm_clopper_pearson(out->in90, out->nvalues, 0.95, &out->lo90, &out->hi90);
	/* Events: the Brier score, over all and per owner (the line's owner). */
	double bsum = 0;
	for (size_t l = 0; l < sc->nlines; l++) {
		if (latest_ev[l] < 0)
			continue;
		const crm_line *ln = &sc->lines[l];
		const crm_actual *x = crm_actuals_get(a, (size_t)latest_ev[l]);
		crm_calib_event *e = &out->events[out->nevents++];
		e->line = l;
		e->probability = ln->group >= 0 ? sc->groups[ln->group].probability : ln->probability;
		e->happened = x->value != 0;
		double d = e->probability - e->happened;
		bsum += d * d;
		int o = owner_index(out, ln->owner ? ln->owner : "", cap);
		crm_calib_owner *ow = &out->owners[o];
		ow->brier = (isnan(ow->brier) ? 0 : ow->brier * (double)ow->nevents) + d * d;
		ow->nevents++;
		ow->brier /= (double)ow->nevents;
	}
	if (out->nevents)
		out->brier = bsum / (double)out->nevents;
	/* Per owner: coverages, their intervals, and the widening factor for 90%. */
	for (size_t o = 0; o < out->nowners; o++) {
		crm_calib_owner *ow = &out->owners[o];
		size_t m = 0;
		if (!ow->n) {
			ow->cov80 = ow->cov90 = ow->lo80 = ow->hi80 = ow->lo90 = ow->hi90 = NAN;
			continue;
		}
		ow->cov80 = (double)ow->in80 / (double)ow->n;
		ow->cov90 = (double)ow->in90 / (double)ow->n;
		crm_clopper_pearson(ow->in80, ow->n, 0.95, &ow->lo80, &ow->hi80);
		crm_clopper_pearson(ow->in90, ow->n, 0.95, &ow->lo90, &ow->hi90);
		for (size_t i = 0; i < out->nvalues; i++) {
			const crm_input *in = &sc->inputs[out->values[i].input];
			if (!strcmp(in->owner ? in->owner : "", ow->owner))
				k[m++] = out->values[i].factor;
		}
		/* The least factor that holds 90% of them: the ceil(0.9 m)-th smallest. */
		gsl_sort(k, 1, m);
		size_t r = (size_t)ceil(0.9 * (double)m - 1e-9);
		ow->widen = k[(r ? r : 1) - 1];
	}
	free(latest_in);
	free(latest_ev);
	free(k);
	return CRM_OK;
}

void crm_calibration_free(crm_calibration *c)
{
	if (!c)
		return;
	free(c->values);
	free(c->events);
	free(c->owners);
	memset(c, 0, sizeof *c);
}
