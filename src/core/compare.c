/*
 * compare.c - business cases against each other (crmroi/compare.h): each
 * figure of a case by id, the best case on a figure and each case's place,
 * and the incremental cash flows of one case over another with the meaning
 * of their IRR.
 *
 * It reads cases already computed (crmroi/case.h) and evaluates no model:
 * the only number it computes anew is the IRR of an incremental flow. It
 * does not say how a comparison is shown (src/render/compare_view.c).
 */
#include "crmroi/compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------- a case's figures by id */

static crm_value defined(double v)
{
	return (crm_value){ v, 1, "" };
}

static crm_value undefined(const char *why)
{
	return (crm_value){ NAN, 0, why };
}

/* A before-tax metric (or its after-tax twin, given as the before-tax id) of m. */
static crm_value metric_of(const crm_metrics *m, crm_metric_id id)
{
	switch (id) {
	case CRM_METRIC_NPV: return defined(m->npv);
	case CRM_METRIC_ROI: return m->roi_ok ? defined(m->roi) : undefined("no PV of costs");
	case CRM_METRIC_BCR: return m->bcr_ok ? defined(m->bcr) : undefined("no PV of costs");
	case CRM_METRIC_IRR: return m->irr_ok ? defined(m->irr_value) : undefined("no IRR");
	case CRM_METRIC_MIRR: return m->mirr_ok ? defined(m->mirr) : undefined("no MIRR");
	case CRM_METRIC_PAYBACK:
	case CRM_METRIC_DPAYBACK: {
		const crm_payback *pb = id == CRM_METRIC_PAYBACK ? &m->payback : &m->dpayback;
		return pb->status == CRM_PAYBACK_REACHED ? defined(pb->months) : undefined("not reached");
	}
	case CRM_METRIC_PV_BENEFITS: return defined(m->pv_benefits);
	case CRM_METRIC_PV_COSTS: return defined(m->pv_costs);
	default: return undefined("no such metric");
	}
}

/* The before-tax twin of an after-tax metric; CRM_METRIC_COUNT for any other id. */
static crm_metric_id before_tax(crm_metric_id id)
{
	switch (id) {
	case CRM_METRIC_AFTER_TAX_NPV: return CRM_METRIC_NPV;
	case CRM_METRIC_AFTER_TAX_ROI: return CRM_METRIC_ROI;
	case CRM_METRIC_AFTER_TAX_IRR: return CRM_METRIC_IRR;
	case CRM_METRIC_AFTER_TAX_MIRR: return CRM_METRIC_MIRR;
	case CRM_METRIC_AFTER_TAX_PAYBACK: return CRM_METRIC_PAYBACK;
	case CRM_METRIC_AFTER_TAX_DPAYBACK: return CRM_METRIC_DPAYBACK;
	default: return CRM_METRIC_COUNT;
	}
}

crm_value crm_case_value(const crm_case *c, crm_metric_id id)
{
	const crm_metrics *m = &c->m;

	/* The peak figures lie past the enumeration: compared as numbers, not switched on. */
	if (id == CRM_CASE_PEAK_INVESTMENT)
		return defined(m->peak_investment);
	if (id == CRM_CASE_PEAK_MONTH)
		return defined((double)(m->peak_period * c->cf->months_per_period));
	crm_metric_id twin = before_tax(id);
	if (twin == CRM_METRIC_COUNT)
		return metric_of(m, id);
	if (!c->has_tax)
		return undefined("no tax_rate setting");
	return metric_of(&c->at.metrics, twin);
}

crm_better crm_compare_better(crm_metric_id id)
{
	if (id == CRM_CASE_PEAK_MONTH)
		return CRM_BETTER_NONE;
	if (id == CRM_CASE_PEAK_INVESTMENT)
		return CRM_BETTER_HIGH;
	crm_metric_id twin = before_tax(id);
	switch (twin == CRM_METRIC_COUNT ? id : twin) {
	case CRM_METRIC_PAYBACK:
	case CRM_METRIC_DPAYBACK:
	case CRM_METRIC_PV_COSTS:
		return CRM_BETTER_LOW;
	default:
		return CRM_BETTER_HIGH;
	}
}

/* ------------------------------------------------------------------ ranking */

/* Whether value a is strictly better than value b, both defined. */
static int better_than(double a, double b, crm_better better)
{
	return better == CRM_BETTER_LOW ? a < b : a > b;
}

int crm_compare_best(const crm_case *const *cases, size_t n, crm_metric_id id)
{
	crm_better better = crm_compare_better(id);
	crm_value bv = undefined("");
	int best = -1;

	if (better == CRM_BETTER_NONE)
		return -1;
	for (size_t i = 0; i < n; i++) {
		crm_value v = crm_case_value(cases[i], id);
		if (v.ok && (best < 0 || better_than(v.v, bv.v, better))) {
			best = (int)i;
			bv = v;
		}
	}
	return best;
}

/* Whether cases[j] comes before cases[i]: a defined value first, then the better, then the first given. */
static int precedes(const crm_case *const *cases, crm_metric_id id, crm_better better, size_t j,
		    size_t i)
{
	crm_value vj = crm_case_value(cases[j], id), vi = crm_case_value(cases[i], id);

	if (vj.ok != vi.ok)
		return vj.ok;
	if (vj.ok && better != CRM_BETTER_NONE) {
		if (better_than(vj.v, vi.v, better))
			return 1;
		if (better_than(vi.v, vj.v, better))
			return 0;
	}
	return j < i;
}

size_t crm_compare_place(const crm_case *const *cases, size_t n, crm_metric_id id, size_t i)
{
	crm_better better = crm_compare_better(id);
	size_t place = 1;

	for (size_t j = 0; j < n; j++)
		if (j != i && precedes(cases, id, better, j, i))
			place++;
	return place;
}

/* -------------------------------------------------------- incremental flows */

crm_incremental_kind crm_incremental_judge(const double *flows, size_t n, int irr_ok,
					   const char **why)
{
	double big = 0;
	int changes = 0, first = 0, prev = 0;

	for (size_t p = 0; p < n; p++)
		big = fmax(big, fabs(flows[p]));
	for (size_t p = 0; p < n; p++) {
		if (fabs(flows[p]) <= CRM_INCREMENTAL_SIGN_TOL * big)
			continue;
		int sg = flows[p] > 0 ? 1 : -1;
		if (!first)
			first = sg;
		else if (sg != prev)
			changes++;
		prev = sg;
	}
	if (changes == 0) {
		*why = "no IRR: the difference in cash flows never changes sign";
		return CRM_INCREMENTAL_NONE;
	}
	if (changes > 1) {
		*why = "not an investment: the difference in cash flows changes sign more than once, "
		       "so a rate of return is not defined";
		return CRM_INCREMENTAL_NONE;
	}
	if (!irr_ok) {
		*why = "no IRR between -99.99% and 100,000% a year";
		return CRM_INCREMENTAL_NONE;
	}
	if (first < 0) {
		*why = "investment: a rate of return, worth it when above the discount rate";
		return CRM_INCREMENTAL_INVESTMENT;
	}
	*why = "borrowing rate: the scenario spends less first and earns less later; it is better "
	       "when this rate is below the discount rate";
	return CRM_INCREMENTAL_BORROWING;
}

const char *crm_incremental_kind_name(crm_incremental_kind k)
{
	return k == CRM_INCREMENTAL_INVESTMENT ? "investment"
	       : k == CRM_INCREMENTAL_BORROWING ? "borrowing" : "none";
}

void crm_fold_years(const crm_cashflow *cf, const double *per_period, double *out)
{
	int years = cf->nperiods * cf->months_per_period / 12;

	memset(out, 0, (size_t)(years + 1) * sizeof *out);
	for (int p = 0; p <= cf->nperiods; p++)
		out[crm_cashflow_year_of(cf, p)] += per_period[p];
}

void crm_incremental_free(crm_incremental *inc)
{
	if (!inc)
		return;
	free(inc->flows);
	memset(inc, 0, sizeof *inc);
}

crm_status crm_incremental_flows(const crm_cashflow *a, const crm_metrics *ma, double rate_a,
				 const crm_cashflow *b, const crm_metrics *mb, double rate_b,
				 crm_incremental *out, crm_error *err)
{
	int same_grid = a->months_per_period == b->months_per_period;
	int mpp = same_grid ? a->months_per_period : 12;
	int na = same_grid ? a->nperiods : a->nperiods * a->months_per_period / 12;
	int nb = same_grid ? b->nperiods : b->nperiods * b->months_per_period / 12;
	size_t n = (size_t)(na > nb ? na : nb) + 1;
	double *fa = calloc(n, sizeof *fa), *fb = calloc(n, sizeof *fb);
	crm_status st = CRM_OK;

	memset(out, 0, sizeof *out);
	out->flows = calloc(n, sizeof *out->flows);
	if (!fa || !fb || !out->flows) {
		st = crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	if (same_grid) {
		memcpy(fa, a->net, (size_t)(a->nperiods + 1) * sizeof *fa);
		memcpy(fb, b->net, (size_t)(b->nperiods + 1) * sizeof *fb);
	} else {
		crm_fold_years(a, a->net, fa);
		crm_fold_years(b, b->net, fb);
	}
	for (size_t p = 0; p < n; p++)
		out->flows[p] = fb[p] - fa[p];
	out->n = n;
	out->months_per_period = mpp;
	out->npv = mb->npv - ma->npv;
	out->same_rate = rate_a == rate_b;
	if ((st = crm_irr_solve(out->flows, n, 12 / mpp, &out->irr, err)) != CRM_OK)
		goto done;
	for (size_t i = 0; i < out->irr.nroots; i++)
		if (!out->irr_ok || fabs(out->irr.roots[i] - rate_b) < fabs(out->irr_value - rate_b)) {
			out->irr_value = out->irr.roots[i];
			out->irr_ok = 1;
		}
	out->kind = crm_incremental_judge(out->flows, out->n, out->irr_ok, &out->why);
done:
	free(fa);
	free(fb);
	if (st != CRM_OK)
		crm_incremental_free(out);
	return st;
}
