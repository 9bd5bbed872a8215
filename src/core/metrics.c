/*
 * metrics.c - the metrics of an evaluated scenario: NPV, ROI, BCR, IRR, MIRR,
 * payback and discounted payback, each with a note where it does not exist.
 *
 * It gathers the finance functions (crmroi/finance.h) over a model's cash
 * flow, periodic or dated as the scenario's settings say: a dated case's IRR
 * and MIRR take every flow on its day, a once line with a date of its own on
 * that day.
 */
#include "crmroi/metrics.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------- an evaluated scenario */

/*
 * The dated flows of cf: each period's net on the day the period ends, less
 * the lines paid on a day of their own, which come as flows of their own.
 * *v and *t are malloc'd. -1 on no memory.
 */
static int dated_flows(const crm_model *m, const crm_cashflow *cf, double **vp, double **tp,
		       size_t *np)
{
	const crm_scenario *sc = crm_model_scenario(m);
	const crm_settings *s = crm_model_settings(m);
	size_t n = (size_t)cf->nperiods + 1, k = n;
	double *v = malloc((n + sc->nlines + 1) * sizeof *v), *t = malloc((n + sc->nlines + 1) * sizeof *t);
	long d0 = crm_date_days(s->start_year, s->start_month, s->start_day ? s->start_day : 1);

	if (!v || !t) {
		free(v);
		free(t);
		return -1;
	}
	memcpy(v, cf->net, n * sizeof *v);
	memcpy(t, cf->t_years, n * sizeof *t);
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		double a = cf->line_dated[l];
		if (isnan(a) || a == 0 || !ln->date_year)
			continue;
		int p = ln->start == 0 ? 0 : (ln->start + cf->months_per_period - 1) / cf->months_per_period;
		double signed_a = ln->kind == CRM_COST ? -a : a;
		v[p] -= signed_a;
		v[k] = signed_a;
		t[k++] = (double)(crm_date_days(ln->date_year, ln->date_month, ln->date_day) - d0) / 365.0;
	}
	*vp = v;
	*tp = t;
	*np = k;
	return 0;
}

crm_status crm_cashflow_irr(const crm_model *m, const crm_cashflow *cf, crm_irr *out,
			    crm_error *err)
{
	double *v, *t;
	size_t n;
	crm_status st;

	if (crm_model_settings(m)->discounting != CRM_DISCOUNT_DATED)
		return crm_irr_solve(cf->net, (size_t)cf->nperiods + 1, 12 / cf->months_per_period, out,
				     err);
	if (dated_flows(m, cf, &v, &t, &n) != 0)
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory for the XIRR");
	st = crm_xirr_solve(v, t, n, out, err);
	free(v);
	free(t);
	return st;
}

int crm_cashflow_mirr(const crm_model *m, const crm_cashflow *cf, double *out)
{
	const crm_settings *s = crm_model_settings(m);
	double *v, *t;
	size_t n;

	if (s->discounting != CRM_DISCOUNT_DATED)
		return crm_mirr(cf->net, (size_t)cf->nperiods + 1, 12 / cf->months_per_period,
				s->finance_rate, s->reinvest_rate, out);
	if (dated_flows(m, cf, &v, &t, &n) != 0)
		return -1;
	int rc = crm_xmirr(v, t, n, cf->t_years[cf->nperiods], s->finance_rate, s->reinvest_rate,
			   out);
	free(v);
	free(t);
	return rc;
}

/* ------------------------------------------------------------- metrics */

static void payback_note(const crm_payback *pb, int months, const char *what, char *buf,
			 size_t len)
{
	buf[0] = '\0';
	if (pb->status == CRM_PAYBACK_NEVER && pb->lost_again)
		snprintf(buf, len, "%s not reached within the %d-month horizon: the cumulative "
			 "net first reaches zero at month %.1f, then falls below zero again and is "
			 "below zero at the end", what, months, pb->first_months);
	else if (pb->status == CRM_PAYBACK_NEVER)
		snprintf(buf, len, "%s not reached within the %d-month horizon: the cumulative "
			 "net is still below zero at the end", what, months);
	else if (pb->lost_again)
		snprintf(buf, len, "%s: the cumulative net first reaches zero at month %.1f, "
			 "then falls below zero again; it stays at or above zero from month %.1f",
			 what, pb->first_months, pb->months);
}

static void fmt_pct(double r, char *buf, size_t len)
{
	snprintf(buf, len, "%.2f%%", r * 100);
}

crm_status crm_metrics_compute(const crm_model *m, const crm_cashflow *cf, crm_metrics *out,
			       crm_error *err)
{
	const crm_settings *s = crm_model_settings(m);
	size_t np = (size_t)cf->nperiods + 1;
	int months = cf->nperiods * cf->months_per_period;
	crm_status st;

	memset(out, 0, sizeof *out);
	for (size_t p = 0; p < np; p++) {
		out->total_costs += cf->costs[p];
		out->total_benefits += cf->benefits[p];
		out->pv_costs += cf->pv_costs[p];
		out->pv_benefits += cf->pv_benefits[p];
		if (cf->cumulative[p] < out->peak_investment) {
			out->peak_investment = cf->cumulative[p];
			out->peak_period = (int)p;
		}
	}
	out->npv = out->pv_benefits - out->pv_costs;
	if (out->pv_costs > 0) {
		out->roi = out->npv / out->pv_costs;
		out->bcr = out->pv_benefits / out->pv_costs;
		out->roi_ok = out->bcr_ok = 1;
	} else {
		snprintf(out->roi_note, sizeof out->roi_note, "ROI is undefined: the present value "
			 "of costs is %s, and ROI divides by it", out->pv_costs == 0 ? "zero" : "negative");
		snprintf(out->bcr_note, sizeof out->bcr_note, "the benefit-cost ratio is undefined: "
			 "the present value of costs is %s", out->pv_costs == 0 ? "zero" : "negative");
	}

	crm_error ierr;
	crm_error_clear(&ierr);
	if ((st = crm_cashflow_irr(m, cf, &out->irr, &ierr)) == CRM_ENOMEM) {
		if (err)
			*err = ierr;
		return st;
	}
	if (st != CRM_OK) {
		/* A root the solver cannot find is a missing IRR, not a failed run. */
		memset(&out->irr, 0, sizeof out->irr);
		out->irr.status = CRM_IRR_NONE;
		snprintf(out->irr_note, sizeof out->irr_note, "no IRR: the search for a rate that "
			 "makes NPV zero failed (%.300s)", ierr.msg);
	} else if (out->irr.status == CRM_IRR_NONE) {
		int pos = 0, neg = 0;
		for (size_t p = 0; p < np; p++) {
			pos |= cf->net[p] > 0;
			neg |= cf->net[p] < 0;
		}
		if (!pos && !neg)
			snprintf(out->irr_note, sizeof out->irr_note, "no IRR: the net cash flow is "
				 "zero in every period");
		else if (!neg)
			snprintf(out->irr_note, sizeof out->irr_note, "no IRR: the net cash flow is "
				 "never negative, so nothing is invested to earn a return on");
		else if (!pos)
			snprintf(out->irr_note, sizeof out->irr_note, "no IRR: the net cash flow is "
				 "never positive, so the investment is never returned");
		else
			snprintf(out->irr_note, sizeof out->irr_note, "no IRR: no rate between "
				 "%.2f%% and %.0f%% a year makes NPV zero", CRM_IRR_MIN * 100,
				 CRM_IRR_MAX * 100);
	} else {
		size_t best = 0;
		for (size_t i = 1; i < out->irr.nroots; i++)
			if (fabs(out->irr.roots[i] - s->discount_rate) <
			    fabs(out->irr.roots[best] - s->discount_rate))
				best = i;
		out->irr_value = out->irr.roots[best];
		out->irr_ok = 1;
		if (out->irr.status == CRM_IRR_MULTIPLE) {
			char list[CRM_IRR_MAX_ROOTS * 40] = "", one[40];
			size_t len = 0;
			for (size_t i = 0; i < out->irr.nroots; i++) {
				fmt_pct(out->irr.roots[i], one, sizeof one);
				int w = snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "", one);
				if (w < 0 || (size_t)w >= sizeof list - len)
					break;   /* cannot happen: the list is sized for every root */
				len += (size_t)w;
			}
			snprintf(out->irr_note, sizeof out->irr_note, "the net cash flow changes sign "
				 "more than once and %zu%s rates give NPV = 0 (%s); the one nearest the "
				 "discount rate is shown; MIRR is the unambiguous measure",
				 out->irr.nroots, out->irr.more ? " or more" : "", list);
		}
	}

	if (crm_cashflow_mirr(m, cf, &out->mirr) == 0)
		out->mirr_ok = 1;
	else
		snprintf(out->mirr_note, sizeof out->mirr_note, "no MIRR: it needs both a negative "
			 "and a positive net cash flow");

	crm_payback_compute(cf->net, np, cf->months_per_period, &out->payback);
	crm_payback_compute(cf->pv_net, np, cf->months_per_period, &out->dpayback);
	payback_note(&out->payback, months, "payback", out->payback_note, sizeof out->payback_note);
	payback_note(&out->dpayback, months, "discounted payback", out->dpayback_note,
		     sizeof out->dpayback_note);
	return CRM_OK;
}
