/*
 * case.c - the business case of one scenario, computed once (crmroi/case.h).
 *
 * One evaluation of the model gives the headline cash flows and metrics; the
 * after-tax view, the classes left out, the plan before risk adjustment, the
 * monthly peak funding and each gate's two outcomes are further evaluations
 * of the same scenario with one thing changed. Nothing here prints or lays
 * out a table: the render layer shows this struct as it is.
 */
#include "crmroi/case.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static crm_status nomem(const crm_case *c, crm_error *err)
{
	return crm_error_set(err, CRM_ENOMEM, c->sc->file, 0, 0, "out of memory");
}

/* Evaluate a model into a new result buffer, with its metrics when met is not NULL. */
static crm_status evaluate(const crm_case *c, crm_model *m, crm_cashflow **cf, crm_metrics *met,
			   crm_error *err)
{
	crm_status st;

	if (!(*cf = crm_cashflow_new(m)))
		return nomem(c, err);
	if ((st = crm_model_eval(m, *cf, err)) != CRM_OK)
		return st;
	if (met && (st = crm_metrics_compute(m, *cf, met, err)) != CRM_OK) {
		if (err && !err->file[0])
			snprintf(err->file, sizeof err->file, "%s", c->sc->file);
		return st;
	}
	return CRM_OK;
}

int crm_case_line_counted(const crm_case *c, size_t l)
{
	const crm_line *ln = &c->sc->lines[l];
	return ln->kind == CRM_COST || (c->sc->settings.classes & CRM_CLASS_BIT(ln->cls));
}

int crm_case_any_left_out(const crm_case *c)
{
	return c->all_cf != NULL;
}

const crm_cashflow *crm_case_line_flows(const crm_case *c, size_t l)
{
	return c->all_cf && !crm_case_line_counted(c, l) ? c->all_cf : c->cf;
}

/* The total of the amounts v of line l (one per period of cf) and their present value. */
static void line_sums(const crm_cashflow *cf, size_t l, const double *v, double *total, double *pv)
{
	size_t np = (size_t)cf->nperiods + 1;

	*total = *pv = 0;
	for (size_t p = 0; p < np; p++) {
		*total += v[p];
		*pv += v[p] * (isnan(cf->line_df[l]) ? cf->df[p] : cf->line_df[l]);
	}
}

/* Each benefit with an adoption column, before and after its share. */
static crm_status adoption(crm_case *c, crm_error *err)
{
	const crm_scenario *sc = c->sc;
	const crm_cashflow *cf = c->cf;
	size_t np = (size_t)cf->nperiods + 1;

	c->adoption_before_total = calloc(sc->nlines + 1, sizeof(double));
	c->adoption_before_pv = calloc(sc->nlines + 1, sizeof(double));
	c->adoption_after_total = calloc(sc->nlines + 1, sizeof(double));
	c->adoption_after_pv = calloc(sc->nlines + 1, sizeof(double));
	if (!c->adoption_before_total || !c->adoption_before_pv || !c->adoption_after_total ||
	    !c->adoption_after_pv)
		return nomem(c, err);
	for (size_t l = 0; cf->before_adoption && l < sc->nlines; l++) {
		if (sc->lines[l].kind != CRM_BENEFIT || sc->lines[l].adoption < 0)
			continue;
		line_sums(cf, l, cf->before_adoption + l * np, &c->adoption_before_total[l],
			  &c->adoption_before_pv[l]);
		line_sums(cf, l, cf->amount + l * np, &c->adoption_after_total[l],
			  &c->adoption_after_pv[l]);
	}
	return CRM_OK;
}

/*
 * Lines and classes. The classes the metrics leave out come from a second
 * evaluation that counts every class, so that they can be shown apart.
 */
static crm_status lines_and_classes(crm_case *c, crm_error *err)
{
	const crm_scenario *sc = c->sc;
	size_t np = (size_t)c->cf->nperiods + 1;
	int left_out = 0;
	crm_status st;

	for (size_t l = 0; l < sc->nlines; l++)
		left_out |= !crm_case_line_counted(c, l);
	if (left_out) {
		crm_settings all = sc->settings;
		all.classes = CRM_CLASSES_ALL;
		if (!(c->all_model = crm_model_new_with(sc, &all, err)))
			return err ? err->status : CRM_ENOMEM;
		if ((st = evaluate(c, c->all_model, &c->all_cf, NULL, err)) != CRM_OK)
			return st;
	}
	c->line_total = calloc(sc->nlines + 1, sizeof *c->line_total);
	c->line_pv = calloc(sc->nlines + 1, sizeof *c->line_pv);
	if (!c->line_total || !c->line_pv)
		return nomem(c, err);
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_cashflow *f = crm_case_line_flows(c, l);
		for (size_t p = 0; p < np; p++)
			c->line_total[l] += f->amount[l * np + p];
		c->line_pv[l] = crm_cashflow_line_pv(f, l);
	}
	/* Class sums from the evaluation that counts every class. */
	const crm_cashflow *src = left_out ? c->all_cf : c->cf;
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		if (ln->kind != CRM_BENEFIT)
			continue;
		crm_class_sum *k = &c->cls[ln->cls];
		k->nlines++;
		for (size_t p = 0; p < np; p++)
			k->total += src->amount[l * np + p];
		k->pv += crm_cashflow_line_pv(src, l);
	}
	if ((st = adoption(c, err)) != CRM_OK)
		return st;
	c->pv_hard = c->cls[CRM_CLASS_CASH].pv + c->cls[CRM_CLASS_COST_REDUCTION].pv;
	c->pv_soft = c->cls[CRM_CLASS_PRODUCTIVITY].pv + c->cls[CRM_CLASS_COST_AVOIDANCE].pv;
	c->npv_hard = c->pv_hard - c->m.pv_costs;
	return CRM_OK;
}

/*
 * The lowest monthly cumulative net and its month: on a yearly grid, each
 * year's amounts spread over its months as the lines' timing spreads them
 * (crm_cashflow_month_net), so that a dip within a year shows.
 */
static crm_status month_peak_of(const crm_case *c, const crm_model *m, const crm_cashflow *cf,
				const crm_after_tax *at, crm_peak *out, crm_error *err)
{
	int months = 12 * c->sc->settings.horizon_years;
	double *net = malloc((size_t)(months + 1) * sizeof *net), cum = 0;

	if (!net)
		return nomem(c, err);
	crm_cashflow_month_net(m, cf, net);
	/* After tax: the tax paid (a saving negative) and the salvage at their year's end. */
	for (int y = 0; at && y < at->nyears && 12 * (y + 1) <= months; y++)
		net[12 * (y + 1)] += at->salvage[y] - at->years[y].tax_paid;
	out->funding = 0;
	out->month = 0;
	for (int mo = 0; mo <= months; mo++) {
		cum += net[mo];
		if (cum < out->funding) {
			out->funding = cum;
			out->month = mo;
		}
	}
	free(net);
	return CRM_OK;
}

static crm_status month_peak(const crm_case *c, const crm_model *m, const crm_cashflow *cf,
			     crm_peak *out, crm_error *err)
{
	return month_peak_of(c, m, cf, NULL, out, err);
}

static crm_status peak_funding(crm_case *c, crm_error *err)
{
	crm_peak p;
	crm_status st = month_peak(c, c->model, c->cf, &p, err);

	c->peak_funding = p.funding;
	c->peak_month = p.month;
	if (st == CRM_OK && c->has_tax)
		st = month_peak_of(c, c->model, c->cf, &c->at, &c->after_tax_peak, err);
	return st;
}

/* Each gate's case if it goes ahead and if it stops. */
static crm_status gates(crm_case *c, crm_error *err)
{
	const crm_scenario *sc = c->sc;
	crm_cashflow *gcf = NULL;
	crm_status st = CRM_OK;

	for (size_t g = 0; g < sc->ngroups; g++)
		c->ngates += sc->groups[g].probability < 1;
	if (!c->ngates)
		return CRM_OK;
	if (!(c->gates = calloc(c->ngates, sizeof *c->gates)) || !(gcf = crm_cashflow_new(c->model))) {
		st = nomem(c, err);
		goto done;
	}
	for (size_t g = 0, k = 0; g < sc->ngroups; g++) {
		const crm_group *grp = &sc->groups[g];
		if (grp->probability >= 1)
			continue;
		crm_case_gate *cg = &c->gates[k++];
		cg->group = g;
		cg->probability = grp->probability;
		for (int go = 1; go >= 0; go--) {
			crm_model_set_occurs(c->model, (size_t)grp->first_line, go);
			if ((st = crm_model_eval(c->model, gcf, err)) != CRM_OK ||
			    (st = crm_metrics_compute(c->model, gcf, go ? &cg->go : &cg->stop, err)) !=
			    CRM_OK ||
			    (st = month_peak(c, c->model, gcf, go ? &cg->go_peak : &cg->stop_peak, err)) !=
			    CRM_OK)
				break;
		}
		crm_model_clear_occurs(c->model, (size_t)grp->first_line);
		if (st != CRM_OK) {
			if (err && !err->file[0])
				snprintf(err->file, sizeof err->file, "%s", sc->file);
			break;
		}
	}
done:
	crm_cashflow_free(gcf);
	return st;
}

/*
 * The plan before the TEI risk adjustment. When no line carries a risk, it
 * is the case itself: its evaluation serves (unadjusted_model stays NULL).
 */
static crm_status unadjusted(crm_case *c, crm_error *err)
{
	const crm_scenario *sc = c->sc;
	int any_risk = 0;
	crm_status st;

	if (!(c->unadjusted_line_pv = calloc(sc->nlines + 1, sizeof *c->unadjusted_line_pv)))
		return nomem(c, err);
	for (size_t l = 0; l < sc->nlines; l++)
		any_risk |= sc->lines[l].risk != 0;
	if (!any_risk) {
		c->unadjusted_cf = c->cf;
		c->unadjusted = c->m;
		memcpy(c->unadjusted_line_pv, c->line_pv, sc->nlines * sizeof *c->line_pv);
		return CRM_OK;
	}
	if (!(c->unadjusted_model = crm_model_new_unadjusted(sc, &sc->settings, err)))
		return err ? err->status : CRM_ENOMEM;
	if ((st = evaluate(c, c->unadjusted_model, &c->unadjusted_cf, &c->unadjusted, err)) !=
	    CRM_OK)
		return st;
	for (size_t l = 0; l < sc->nlines; l++) {
		/*
		 * A benefit the metrics leave out has no amounts in the unadjusted
		 * evaluation (it counts the same classes): its unadjusted present
		 * value is the risk-adjusted one over (1 - risk).
		 */
		double risk = sc->lines[l].risk;
		c->unadjusted_line_pv[l] = !crm_case_line_counted(c, l) && c->all_cf && risk < 1
					   ? c->line_pv[l] / (1 - risk)
					   : crm_cashflow_line_pv(c->unadjusted_cf, l);
	}
	return CRM_OK;
}

/* The plan before any risk: the unadjusted model with every gate and event going ahead. */
static crm_status unrisked(crm_case *c, crm_error *err)
{
	const crm_scenario *sc = c->sc;
	crm_model *m = NULL;
	crm_cashflow *cf = NULL;
	crm_status st;
	int events = 0;

	for (size_t l = 0; l < sc->nlines; l++)
		events |= sc->lines[l].probability < 1;
	if (!events) {
		c->unrisked = c->unadjusted;
		return month_peak(c, c->unadjusted_model ? c->unadjusted_model : c->model,
				  c->unadjusted_cf, &c->unrisked_peak, err);
	}
	if (!(m = crm_model_new_unadjusted(sc, &sc->settings, err)))
		return err ? err->status : CRM_ENOMEM;
	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].probability < 1)
			crm_model_set_occurs(m, l, 1);
	st = evaluate(c, m, &cf, &c->unrisked, err);
	if (st == CRM_OK)
		st = month_peak(c, m, cf, &c->unrisked_peak, err);
	crm_cashflow_free(cf);
	crm_model_free(m);
	return st;
}

crm_case *crm_case_new(const crm_scenario *sc, const crm_case_options *opt, crm_error *err)
{
	crm_case *c = calloc(1, sizeof *c);
	crm_status st;

	if (!c) {
		crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		return NULL;
	}
	c->sc = sc;
	c->only_given = opt ? opt->only_given : 0;
	c->left_out = opt ? opt->leave_out : 0;
	c->convention = sc->settings.discounting;
	if (!(c->model = crm_model_new(sc, err))) {
		crm_case_free(c);
		return NULL;
	}
	if ((st = evaluate(c, c->model, &c->cf, &c->m, err)) != CRM_OK)
		goto fail;
	if (sc->settings.tax_given) {
		if ((st = crm_after_tax_compute(c->model, c->cf, &c->at, err)) != CRM_OK)
			goto fail;
		c->has_tax = 1;
	}
	if ((st = lines_and_classes(c, err)) != CRM_OK)
		goto fail;
	if (!(c->left_out & CRM_CASE_BEFORE_RISK) &&
	    ((st = unadjusted(c, err)) != CRM_OK || (st = unrisked(c, err)) != CRM_OK))
		goto fail;
	if (!(c->left_out & CRM_CASE_PEAK) && (st = peak_funding(c, err)) != CRM_OK)
		goto fail;
	if (!(c->left_out & CRM_CASE_GATES) && (st = gates(c, err)) != CRM_OK)
		goto fail;
	return c;
fail:
	crm_case_free(c);
	return NULL;
}

void crm_case_free(crm_case *c)
{
	if (!c)
		return;
	free(c->gates);
	free(c->unadjusted_line_pv);
	if (c->unadjusted_model)
		crm_cashflow_free(c->unadjusted_cf);
	crm_model_free(c->unadjusted_model);
	free(c->line_total);
	free(c->line_pv);
	free(c->adoption_before_total);
	free(c->adoption_before_pv);
	free(c->adoption_after_total);
	free(c->adoption_after_pv);
	crm_cashflow_free(c->all_cf);
	crm_model_free(c->all_model);
	crm_after_tax_free(&c->at);
	crm_cashflow_free(c->cf);
	crm_model_free(c->model);
	free(c);
}
