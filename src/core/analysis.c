/*
 * analysis.c - metrics by name, parameters, and repeated evaluation of one
 * scenario with some values changed.
 *
 * Only the metrics asked for are computed: a data table of NPV never runs
 * the IRR solver.
 */
#include "crmroi/analysis.h"
#include "crmroi/aftertax.h"
#include "crmroi/assess.h"
#include "crmroi/metrics.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const crm_metric_info metric_infos[CRM_METRIC_COUNT] = {
	[CRM_METRIC_NPV] = { "npv", "NPV", CRM_UNIT_MONEY },
	[CRM_METRIC_ROI] = { "roi", "ROI", CRM_UNIT_RATE },
	[CRM_METRIC_BCR] = { "bcr", "Benefit-cost ratio", CRM_UNIT_RATIO },
	[CRM_METRIC_IRR] = { "irr", "IRR", CRM_UNIT_RATE },
	[CRM_METRIC_MIRR] = { "mirr", "MIRR", CRM_UNIT_RATE },
	[CRM_METRIC_PAYBACK] = { "payback", "Payback (months)", CRM_UNIT_MONTHS },
	[CRM_METRIC_DPAYBACK] = { "discounted_payback", "Discounted payback (months)", CRM_UNIT_MONTHS },
	[CRM_METRIC_PV_BENEFITS] = { "pv_benefits", "PV of benefits", CRM_UNIT_MONEY },
	[CRM_METRIC_PV_COSTS] = { "pv_costs", "PV of costs", CRM_UNIT_MONEY },
	[CRM_METRIC_AFTER_TAX_NPV] = { "after_tax_npv", "NPV after tax", CRM_UNIT_MONEY },
	[CRM_METRIC_AFTER_TAX_ROI] = { "after_tax_roi", "ROI after tax", CRM_UNIT_RATE },
	[CRM_METRIC_AFTER_TAX_IRR] = { "after_tax_irr", "IRR after tax", CRM_UNIT_RATE },
	[CRM_METRIC_AFTER_TAX_MIRR] = { "after_tax_mirr", "MIRR after tax", CRM_UNIT_RATE },
	[CRM_METRIC_AFTER_TAX_PAYBACK] = { "after_tax_payback", "Payback after tax (months)",
					   CRM_UNIT_MONTHS },
	[CRM_METRIC_AFTER_TAX_DPAYBACK] = { "after_tax_discounted_payback",
					    "Discounted payback after tax (months)", CRM_UNIT_MONTHS },
};

const crm_metric_info *crm_metric_info_of(crm_metric_id id)
{
	return &metric_infos[id];
}

int crm_metric_parse(const char *name, crm_metric_id *out)
{
	for (int i = 0; i < CRM_METRIC_COUNT; i++)
		if (!strcmp(name, metric_infos[i].name)) {
			*out = (crm_metric_id)i;
			return 0;
		}
	if (!strcmp(name, "dpayback")) {
		*out = CRM_METRIC_DPAYBACK;
		return 0;
	}
	return -1;
}

/* -------------------------------------------------------------- parameters */

static const struct {
	const char *name;
	crm_setting_id id;
	int whole;
} setting_params[] = {
	{ "discount_rate", CRM_SET_DISCOUNT_RATE, 0 },
	{ "horizon_years", CRM_SET_HORIZON_YEARS, 1 },
	{ "finance_rate", CRM_SET_FINANCE_RATE, 0 },
	{ "reinvest_rate", CRM_SET_REINVEST_RATE, 0 },
	{ "benefit_risk", CRM_SET_BENEFIT_RISK, 0 },
	{ "cost_risk", CRM_SET_COST_RISK, 0 },
	{ "tax_rate", CRM_SET_TAX_RATE, 0 },
	{ "readiness_score", CRM_SET_READINESS_SCORE, 0 },
	{ "readiness_floor", CRM_SET_READINESS_FLOOR, 0 },
};

static double *setting_slot(crm_settings *s, crm_setting_id id)
{
	switch (id) {
	case CRM_SET_DISCOUNT_RATE: return &s->discount_rate;
	case CRM_SET_FINANCE_RATE: return &s->finance_rate;
	case CRM_SET_REINVEST_RATE: return &s->reinvest_rate;
	case CRM_SET_BENEFIT_RISK: return &s->benefit_risk;
	case CRM_SET_COST_RISK: return &s->cost_risk;
	case CRM_SET_TAX_RATE: return &s->tax_rate;
	case CRM_SET_READINESS_SCORE: return &s->readiness_score;
	case CRM_SET_READINESS_FLOOR: return &s->readiness_floor;
	case CRM_SET_HORIZON_YEARS: break;
	}
	return NULL;
}

static double setting_value(const crm_settings *s, crm_setting_id id)
{
	if (id == CRM_SET_HORIZON_YEARS)
		return s->horizon_years;
	return *setting_slot((crm_settings *)s, id);
}

static void fill_range(crm_param *p, const crm_range *r)
{
	p->has_range = r->given;
	p->low = r->low;
	p->high = r->high;
}

/* The domain [lo, hi], widened to hold the base, low and high when they are outside. */
static void set_domain(crm_param *p, double lo, double hi)
{
	if (p->has_base) {
		lo = fmin(lo, p->base);
		hi = fmax(hi, p->base);
	}
	if (p->has_range) {
		lo = fmin(lo, fmin(p->low, p->high));
		hi = fmax(hi, fmax(p->low, p->high));
	}
	p->dom_lo = lo;
	p->dom_hi = hi;
}

/* Whether an input's unit makes it a percentage (a fraction from 0 to 1). */
static int percent_unit(const char *unit)
{
	return unit && (!strcasecmp(unit, "percent") || !strcasecmp(unit, "rate") ||
			!strcmp(unit, "%"));
}

/* The decimals a value is written with: the fewest (0 to 6) that give it to 1e-9 of itself. */
int crm_decimals_of(double v)
{
	double scale = 1;

	if (!isfinite(v))
		return 0;
	for (int d = 0; d < 6; d++, scale *= 10)
		if (fabs(v * scale - round(v * scale)) <= 1e-9 * fmax(1, fabs(v * scale)))
			return d;
	return 6;
}

/* Whole months beyond which a timing input is not searched. */
#define CRM_MONTHS_MAX 100000.0

/*
 * A timing input (crm_param.months): its domain is the run of whole values
 * around its base that give every line a month it can have, searched from
 * min(0, base) to max(horizon's months, base). A base that is not a whole
 * number (a month is rounded) lies inside the domain; the search tries whole
 * values only.
 */
static crm_status month_domain(const crm_scenario *sc, crm_param *p, crm_error *err)
{
	const crm_input *in = &sc->inputs[p->index];
	crm_model *m = crm_model_new(sc, err);
	crm_cashflow *cf = m ? crm_cashflow_new(m) : NULL;
	double from = fmin(0, p->base), to = fmax(crm_scenario_months(sc), p->base);
	double lo = p->base, hi = p->base;

	if (!cf) {
		crm_model_free(m);
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	}
	p->months = in->timing & ((1 << CRM_TIMING_START) | (1 << CRM_TIMING_END))
		    ? CRM_PARAM_MONTH : CRM_PARAM_DURATION;
	p->whole = 1;
	p->unit = CRM_UNIT_NUMBER;
	/* A base between whole months (4.5 rounds to 5) searches the whole months around it. */
	for (double x = ceil(p->base) - 1; x >= from; x--) {
		crm_model_override(m, (size_t)p->index, x);
		if (crm_model_check_timing(m, cf, NULL) != CRM_OK)
			break;
		lo = x;
	}
	for (double x = floor(p->base) + 1; x <= to; x++) {
		crm_model_override(m, (size_t)p->index, x);
		if (crm_model_check_timing(m, cf, NULL) != CRM_OK)
			break;
		hi = x;
	}
	p->dom_lo = lo;
	p->dom_hi = hi;
	crm_cashflow_free(cf);
	crm_model_free(m);
	return CRM_OK;
}

crm_status crm_param_of_input(const crm_scenario *sc, size_t i, crm_param *out, crm_error *err)
{
	const crm_input *in = &sc->inputs[i];

	memset(out, 0, sizeof *out);
	out->kind = CRM_PARAM_INPUT;
	out->index = (int)i;
	out->name = in->name;
	out->label = in->label && in->label[0] ? in->label : NULL;
	out->loc = in->loc;
	if (crm_expr_kind(in->value) == CRM_VALUE_NUMBER) {
		out->has_base = 1;
		out->base = crm_expr_number(in->value);
	}
	fill_range(out, &in->range);
	if (percent_unit(in->unit) || in->adoption || (in->value_text && strchr(in->value_text, '%')))
		out->unit = CRM_UNIT_RATE;
	else if (in->unit && (!strcasecmp(in->unit, "currency") ||
			      !strcasecmp(in->unit, sc->settings.currency)))
		out->unit = CRM_UNIT_MONEY;
	else
		out->unit = CRM_UNIT_NUMBER;
	out->count = in->unit && !strcasecmp(in->unit, "count");
	out->decimals = crm_decimals_of(out->has_base ? out->base : 0);
	if (out->has_range) {
		int d = crm_decimals_of(out->low);
		out->decimals = d > out->decimals ? d : out->decimals;
		d = crm_decimals_of(out->high);
		out->decimals = d > out->decimals ? d : out->decimals;
	}
	if (percent_unit(in->unit) || in->adoption)
		set_domain(out, 0, 1);
	else
		set_domain(out, -INFINITY, INFINITY);
	if (in->timing && out->has_base && fabs(out->base) <= CRM_MONTHS_MAX)
		return month_domain(sc, out, err);
	return CRM_OK;
}

void crm_param_of_line(const crm_scenario *sc, size_t l, crm_param *out)
{
	const crm_line *ln = &sc->lines[l];

	memset(out, 0, sizeof *out);
	out->kind = CRM_PARAM_LINE;
	out->index = (int)l;
	out->name = ln->label;
	out->unit = CRM_UNIT_MONEY;
	out->loc = ln->loc;
	if (crm_expr_kind(ln->value) == CRM_VALUE_NUMBER) {
		out->has_base = 1;
		out->base = crm_expr_number(ln->value);
	}
	fill_range(out, &ln->range);
	set_domain(out, -INFINITY, INFINITY);
}

crm_status crm_param_find(const crm_scenario *sc, const char *name, crm_param *out,
			  crm_error *err)
{
	memset(out, 0, sizeof *out);
	int i = crm_scenario_find_input(sc, name);
	if (i >= 0)
		return crm_param_of_input(sc, (size_t)i, out, err);
	for (size_t l = 0; l < sc->nlines; l++) {
		if (strcmp(sc->lines[l].label, name))
			continue;
		crm_param_of_line(sc, l, out);
		return CRM_OK;
	}
	for (size_t k = 0; k < sizeof setting_params / sizeof *setting_params; k++) {
		if (strcmp(setting_params[k].name, name))
			continue;
		out->kind = CRM_PARAM_SETTING;
		out->index = (int)setting_params[k].id;
		out->name = setting_params[k].name;
		out->has_base = 1;
		out->base = setting_value(&sc->settings, setting_params[k].id);
		out->whole = setting_params[k].whole;
		out->unit = out->whole ? CRM_UNIT_NUMBER : CRM_UNIT_RATE;
		if (setting_params[k].id == CRM_SET_READINESS_SCORE)
			out->unit = CRM_UNIT_NUMBER;   /* points out of 1000 */
		if ((setting_params[k].id == CRM_SET_READINESS_SCORE ||
		     setting_params[k].id == CRM_SET_READINESS_FLOOR) && !sc->settings.readiness)
			return crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "%s: the scenario has no "
					     "setting readiness (the answers file of the readiness "
					     "self-assessment) to vary", name);
		out->loc.file = sc->file;
		switch (setting_params[k].id) {
		case CRM_SET_HORIZON_YEARS: set_domain(out, 1, CRM_MAX_HORIZON_YEARS); break;
		case CRM_SET_BENEFIT_RISK:
		case CRM_SET_COST_RISK:
		case CRM_SET_TAX_RATE: set_domain(out, 0, 1); break;
		case CRM_SET_READINESS_SCORE: set_domain(out, 0, CRM_ASSESS_MAX_POINTS); break;
		case CRM_SET_READINESS_FLOOR: set_domain(out, 0, 1); break;
		default: set_domain(out, CRM_RATE_MIN, CRM_RATE_MAX); break;
		}
		return CRM_OK;
	}
	return crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "'%s' is not an input, a cost or "
			     "benefit line, or a numeric setting of this scenario (the settings that "
			     "can vary are discount_rate, horizon_years, finance_rate, reinvest_rate, "
			     "benefit_risk, cost_risk and tax_rate; readiness_score and readiness_floor "
			     "with setting readiness)", name);
}

/* ------------------------------------------------------------- the context */

struct crm_analysis {
	const crm_scenario *sc;
	crm_settings set;
	int rebuild;            /* settings changed since the model was built */
	crm_model *m;
	crm_cashflow *cf;
	double *in_over, *line_over;  /* overrides to re-apply after a rebuild; NaN = none */
};

void crm_analysis_free(crm_analysis *a)
{
	if (!a)
		return;
	crm_cashflow_free(a->cf);
	crm_model_free(a->m);
	free(a->in_over);
	free(a->line_over);
	free(a);
}

const crm_scenario *crm_analysis_scenario(const crm_analysis *a) { return a->sc; }

static crm_status build(crm_analysis *a, crm_error *err)
{
	crm_model *m = crm_model_new_with(a->sc, &a->set, err);
	crm_cashflow *cf;

	if (!m)
		return err ? err->status : CRM_ENOMEM;
	if (!(cf = crm_cashflow_new(m))) {
		crm_model_free(m);
		return crm_error_set(err, CRM_ENOMEM, a->sc->file, 0, 0, "out of memory");
	}
	crm_cashflow_free(a->cf);
	crm_model_free(a->m);
	a->m = m;
	a->cf = cf;
	cf->keep_inputs = 0;      /* metrics need only the totals */
	cf->keep_amounts = 0;
	for (size_t i = 0; i < a->sc->ninputs; i++)
		if (!isnan(a->in_over[i]))
			crm_model_override(m, i, a->in_over[i]);
	for (size_t l = 0; l < a->sc->nlines; l++)
		if (!isnan(a->line_over[l]))
			crm_model_override_line(m, l, a->line_over[l]);
	a->rebuild = 0;
	return CRM_OK;
}

crm_analysis *crm_analysis_new(const crm_scenario *sc, crm_error *err)
{
	crm_analysis *a = calloc(1, sizeof *a);

	if (!a || !(a->in_over = malloc((sc->ninputs + 1) * sizeof(double))) ||
	    !(a->line_over = malloc((sc->nlines + 1) * sizeof(double)))) {
		crm_analysis_free(a);
		crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		return NULL;
	}
	a->sc = sc;
	a->set = sc->settings;
	for (size_t i = 0; i < sc->ninputs; i++)
		a->in_over[i] = NAN;
	for (size_t l = 0; l < sc->nlines; l++)
		a->line_over[l] = NAN;
	if (build(a, err) != CRM_OK) {
		crm_analysis_free(a);
		return NULL;
	}
	return a;
}

crm_status crm_analysis_set(crm_analysis *a, const crm_param *p, double v, crm_error *err)
{
	if (!isfinite(v))
		return crm_error_set(err, CRM_EUSAGE, a->sc->file, 0, 0, "%s: %g is not a finite "
				     "number", p->name, v);
	switch (p->kind) {
	case CRM_PARAM_INPUT:
		a->in_over[p->index] = v;
		crm_model_override(a->m, (size_t)p->index, v);
		return CRM_OK;
	case CRM_PARAM_LINE:
		a->line_over[p->index] = v;
		crm_model_override_line(a->m, (size_t)p->index, v);
		return CRM_OK;
	case CRM_PARAM_SETTING:
		break;
	}
	crm_setting_id id = (crm_setting_id)p->index;
	if (id == CRM_SET_HORIZON_YEARS) {
		if (v != floor(v) || v < 1 || v > CRM_MAX_HORIZON_YEARS)
			return crm_error_set(err, CRM_EUSAGE, a->sc->file, 0, 0, "horizon_years: %g is "
					     "not a whole number of years from 1 to %d", v,
					     CRM_MAX_HORIZON_YEARS);
		a->set.horizon_years = (int)v;
	} else {
		if (v <= -1.0)
			return crm_error_set(err, CRM_EUSAGE, a->sc->file, 0, 0, "%s: %g%% is not a "
					     "rate (it must be above -100%%)", p->name, v * 100);
		if (id == CRM_SET_BENEFIT_RISK && (v < 0 || v > 1))
			return crm_error_set(err, CRM_EUSAGE, a->sc->file, 0, 0, "benefit_risk: %g%% "
					     "is outside 0%% to 100%%", v * 100);
		if (id == CRM_SET_READINESS_SCORE && (v < 0 || v > CRM_ASSESS_MAX_POINTS))
			return crm_error_set(err, CRM_EUSAGE, a->sc->file, 0, 0, "readiness_score: %g "
					     "is outside 0 to 1000 points", v);
		if (id == CRM_SET_READINESS_FLOOR && (v < 0 || v > 1))
			return crm_error_set(err, CRM_EUSAGE, a->sc->file, 0, 0, "readiness_floor: %g%% "
					     "is outside 0%% to 100%%", v * 100);
		if (id == CRM_SET_TAX_RATE && (v < 0 || v > 1))
			return crm_error_set(err, CRM_EUSAGE, a->sc->file, 0, 0, "tax_rate: %g%% is "
					     "outside 0%% to 100%%", v * 100);
		if (id == CRM_SET_TAX_RATE)
			a->set.tax_given = 1;   /* varying it turns the after-tax view on */
		if (id == CRM_SET_COST_RISK && v < 0)
			return crm_error_set(err, CRM_EUSAGE, a->sc->file, 0, 0, "cost_risk: %g%% is "
					     "below 0%%", v * 100);
		*setting_slot(&a->set, id) = v;
		if (id == CRM_SET_READINESS_SCORE || id == CRM_SET_READINESS_FLOOR)
			a->set.readiness_factor = crm_assess_factor(a->set.readiness_score,
								    a->set.readiness_floor);
		/* MIRR's rates follow the discount rate unless the scenario gives them. */
		if (id == CRM_SET_DISCOUNT_RATE && !a->set.finance_given)
			a->set.finance_rate = v;
		if (id == CRM_SET_DISCOUNT_RATE && !a->set.reinvest_given)
			a->set.reinvest_rate = v;
	}
	a->rebuild = 1;
	return CRM_OK;
}

void crm_analysis_reset(crm_analysis *a, const crm_param *p)
{
	switch (p->kind) {
	case CRM_PARAM_INPUT:
		a->in_over[p->index] = NAN;
		crm_model_clear_override(a->m, (size_t)p->index);
		break;
	case CRM_PARAM_LINE:
		a->line_over[p->index] = NAN;
		crm_model_clear_line_override(a->m, (size_t)p->index);
		break;
	case CRM_PARAM_SETTING: {
		crm_setting_id id = (crm_setting_id)p->index;
		if (id == CRM_SET_HORIZON_YEARS)
			a->set.horizon_years = a->sc->settings.horizon_years;
		else
			*setting_slot(&a->set, id) = *setting_slot((crm_settings *)&a->sc->settings, id);
		if (id == CRM_SET_READINESS_SCORE || id == CRM_SET_READINESS_FLOOR)
			a->set.readiness_factor = crm_assess_factor(a->set.readiness_score,
								    a->set.readiness_floor);
		if (id == CRM_SET_DISCOUNT_RATE) {
			a->set.finance_rate = a->sc->settings.finance_rate;
			a->set.reinvest_rate = a->sc->settings.reinvest_rate;
		}
		if (id == CRM_SET_TAX_RATE)
			a->set.tax_given = a->sc->settings.tax_given;
		a->rebuild = 1;
		break;
	}
	}
}

static void undefined(crm_value *v, const char *why)
{
	v->v = NAN;
	v->ok = 0;
	v->why = why;
}

static void defined(crm_value *v, double x)
{
	v->v = x;
	v->ok = 1;
	v->why = "";
}

/*
 * The after-tax metrics among ids, from one after-tax computation on the
 * evaluation just made (which kept its line amounts).
 */
static crm_status after_tax_values(crm_analysis *a, const crm_metric_id *ids, size_t n,
				   crm_value *out, crm_error *err)
{
	crm_after_tax at;
	crm_status st;

	if (!a->set.tax_given) {
		for (size_t k = 0; k < n; k++)
			if (ids[k] >= CRM_METRIC_AFTER_TAX_NPV && ids[k] < CRM_METRIC_COUNT)
				undefined(&out[k], "no tax_rate setting");
		return CRM_OK;
	}
	st = crm_after_tax_compute(a->m, a->cf, &at, err);
	a->cf->keep_amounts = 0;
	if (st != CRM_OK)
		return st;
	const crm_metrics *m = &at.metrics;
	for (size_t k = 0; k < n; k++) {
		crm_value *v = &out[k];
		switch (ids[k]) {
		case CRM_METRIC_AFTER_TAX_NPV: defined(v, m->npv); break;
		case CRM_METRIC_AFTER_TAX_ROI:
			if (m->roi_ok)
				defined(v, m->roi);
			else
				undefined(v, "no PV of costs");
			break;
		case CRM_METRIC_AFTER_TAX_IRR:
			if (m->irr_ok)
				defined(v, m->irr_value);
			else
				undefined(v, "no IRR");
			break;
		case CRM_METRIC_AFTER_TAX_MIRR:
			if (m->mirr_ok)
				defined(v, m->mirr);
			else
				undefined(v, "no MIRR");
			break;
		case CRM_METRIC_AFTER_TAX_PAYBACK:
		case CRM_METRIC_AFTER_TAX_DPAYBACK: {
			const crm_payback *pb = ids[k] == CRM_METRIC_AFTER_TAX_PAYBACK ? &m->payback
											: &m->dpayback;
			if (pb->status == CRM_PAYBACK_REACHED)
				defined(v, pb->months);
			else
				undefined(v, "not reached");
			break;
		}
		default:
			break;
		}
	}
	crm_after_tax_free(&at);
	return CRM_OK;
}

crm_status crm_analysis_eval(crm_analysis *a, const crm_metric_id *ids, size_t n,
			     crm_value *out, crm_error *err)
{
	crm_error e;
	crm_status st;

	if (a->rebuild && (st = build(a, err)) != CRM_OK)
		return st;
	const crm_cashflow *cf = a->cf;
	size_t np = (size_t)cf->nperiods + 1;

	crm_error_clear(&e);
	int after_tax = 0;
	for (size_t k = 0; k < n; k++)
		after_tax |= ids[k] >= CRM_METRIC_AFTER_TAX_NPV && ids[k] < CRM_METRIC_COUNT;
	a->cf->keep_amounts = after_tax && a->set.tax_given;   /* the tax needs each line */
	st = crm_model_eval(a->m, a->cf, &e);
	if (st == CRM_EDATA && a->cf->bad_value) {
		/* A month or share the scenario's ranges should not lead to: its error. */
		if (err)
			*err = e;
		return st;
	}
	if (st == CRM_EDATA) {
		for (size_t k = 0; k < n; k++)
			undefined(&out[k], "not a finite number here (a division by zero or an overflow)");
		return CRM_OK;
	}
	if (st != CRM_OK) {
		if (err)
			*err = e;
		return st;
	}
	double pvb = 0, pvc = 0;
	for (size_t p = 0; p < np; p++) {
		pvb += cf->pv_benefits[p];
		pvc += cf->pv_costs[p];
	}
	for (size_t k = 0; k < n; k++) {
		crm_value *v = &out[k];
		switch (ids[k]) {
		case CRM_METRIC_NPV: defined(v, pvb - pvc); break;
		case CRM_METRIC_PV_BENEFITS: defined(v, pvb); break;
		case CRM_METRIC_PV_COSTS: defined(v, pvc); break;
		case CRM_METRIC_ROI:
		case CRM_METRIC_BCR:
			if (pvc > 0)
				defined(v, ids[k] == CRM_METRIC_ROI ? (pvb - pvc) / pvc : pvb / pvc);
			else
				undefined(v, "no PV of costs");
			break;
		case CRM_METRIC_IRR: {
			crm_irr irr;
			crm_error ierr;
			crm_error_clear(&ierr);
			if ((st = crm_cashflow_irr(a->m, cf, &irr, &ierr)) == CRM_ENOMEM) {
				if (err)
					*err = ierr;
				return st;
			}
			if (st != CRM_OK || irr.nroots == 0) {
				undefined(v, "no IRR");
				break;
			}
			size_t best = 0;
			for (size_t i = 1; i < irr.nroots; i++)
				if (fabs(irr.roots[i] - a->set.discount_rate) <
				    fabs(irr.roots[best] - a->set.discount_rate))
					best = i;
			defined(v, irr.roots[best]);
			break;
		}
		case CRM_METRIC_MIRR: {
			double x;
			if (crm_cashflow_mirr(a->m, cf, &x) == 0)
				defined(v, x);
			else
				undefined(v, "no MIRR");
			break;
		}
		case CRM_METRIC_PAYBACK:
		case CRM_METRIC_DPAYBACK: {
			crm_payback pb;
			crm_payback_compute(ids[k] == CRM_METRIC_PAYBACK ? cf->net : cf->pv_net, np,
					    cf->months_per_period, &pb);
			if (pb.status == CRM_PAYBACK_REACHED)
				defined(v, pb.months);
			else
				undefined(v, "not reached");
			break;
		}
		case CRM_METRIC_AFTER_TAX_NPV:
		case CRM_METRIC_AFTER_TAX_ROI:
		case CRM_METRIC_AFTER_TAX_IRR:
		case CRM_METRIC_AFTER_TAX_MIRR:
		case CRM_METRIC_AFTER_TAX_PAYBACK:
		case CRM_METRIC_AFTER_TAX_DPAYBACK:
			break;   /* below, with one after-tax computation for all of them */
		case CRM_METRIC_COUNT:
			undefined(v, "no such metric");
			break;
		}
	}
	return after_tax ? after_tax_values(a, ids, n, out, err) : CRM_OK;
}

/* ------------------------------------------------------------ NPV alone */

crm_status crm_analysis_npv(crm_analysis *a, crm_value *out, crm_error *err)
{
	static const crm_metric_id npv = CRM_METRIC_NPV;
	crm_status st;

	if (a->rebuild && (st = build(a, err)) != CRM_OK)
		return st;
	if (!crm_model_summary_fast(a->m))
		return crm_analysis_eval(a, &npv, 1, out, err);
	crm_summary s;
	/* Its error is not kept: a value that is not a finite number is a reason, not an error. */
	st = crm_model_summary(a->m, a->cf, 0, 0, &s, NULL);
	if (st == CRM_OK)
		defined(out, s.npv);
	else if (st == CRM_EDATA)
		undefined(out, "not a finite number here (a division by zero or an overflow)");
	else
		return crm_analysis_eval(a, &npv, 1, out, err);
	return CRM_OK;
}

crm_status crm_analysis_npv_along(crm_analysis *a, const crm_param *p, const double *x, size_t n,
				  crm_value *out, crm_error *err)
{
	static const crm_metric_id npv = CRM_METRIC_NPV;
	const crm_scenario *sc = a->sc;
	size_t ni = sc->ninputs;
	crm_status st = CRM_OK;
	char *flags = NULL;
	int valid = 0;   /* a->cf holds the summary of the last point: a partial one may follow */

	if (a->rebuild && (st = build(a, err)) != CRM_OK)
		return st;
	if (p->kind != CRM_PARAM_SETTING && crm_model_summary_fast(a->m)) {
		if (!(flags = calloc(ni + sc->nlines + 1, 1)))
			return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		flags[p->kind == CRM_PARAM_INPUT ? (size_t)p->index : ni + (size_t)p->index] = 1;
		crm_model_dependents(a->m, flags, flags + ni);
	}
	for (size_t k = 0; k < n && st == CRM_OK; k++) {
		if ((st = crm_analysis_set(a, p, x[k], err)) != CRM_OK)
			break;
		if (!flags) {   /* a setting, or a model the short way does not take: in full */
			st = crm_analysis_eval(a, &npv, 1, &out[k], err);
			continue;
		}
		crm_summary s;
		crm_status sst = valid ? crm_model_summary_partial(a->m, a->cf, flags, flags + ni, &s, NULL)
				       : crm_model_summary(a->m, a->cf, 0, 0, &s, NULL);
		valid = sst == CRM_OK;
		if (sst == CRM_OK)
			defined(&out[k], s.npv);
		else if (sst == CRM_EDATA)
			undefined(&out[k], "not a finite number here (a division by zero or an overflow)");
		else   /* the short way cannot decide: in full, as crm_analysis_npv does */
			st = crm_analysis_eval(a, &npv, 1, &out[k], err);
	}
	free(flags);
	crm_analysis_reset(a, p);
	return st;
}

crm_status crm_analysis_npv_each(crm_analysis *a, const crm_param *p, const double *v, size_t n,
				 double *out, crm_error *err)
{
	const crm_scenario *sc = a->sc;
	size_t ni = sc->ninputs;
	const crm_param *prev = NULL;   /* moved by the last evaluation: back to its base now */
	crm_summary s;
	crm_status st;
	char *flags;

	for (size_t k = 0; k < n; k++)
		out[k] = NAN;
	if (a->rebuild && (st = build(a, err)) != CRM_OK)
		return st;
	if (!crm_model_summary_fast(a->m))
		return CRM_OK;
	if (!(flags = calloc(ni + sc->nlines + 1, 1)))
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	/* valid: a->cf holds a summary of the model as it stood, which a partial one may follow. */
	st = crm_model_summary(a->m, a->cf, 0, 0, &s, NULL);
	int valid = st == CRM_OK;
	for (size_t k = 0; k < n && st != CRM_ENOMEM; k++) {
		const crm_param *q = &p[k];
		if (q->kind == CRM_PARAM_SETTING || !isfinite(v[k]))
			continue;
		crm_analysis_set(a, q, v[k], NULL);
		if (valid) {
			/* What q changes, and what the previous point's parameter changed back. */
			memset(flags, 0, ni + sc->nlines);
			for (const crm_param *x = q; x; x = x == q ? prev : NULL)
				flags[x->kind == CRM_PARAM_INPUT ? (size_t)x->index : ni + (size_t)x->index] = 1;
			crm_model_dependents(a->m, flags, flags + ni);
			st = crm_model_summary_partial(a->m, a->cf, flags, flags + ni, &s, NULL);
		} else {
			st = crm_model_summary(a->m, a->cf, 0, 0, &s, NULL);
		}
		valid = st == CRM_OK;
		if (valid)
			out[k] = s.npv;
		crm_analysis_reset(a, q);
		prev = q;
	}
	free(flags);
	if (st == CRM_ENOMEM)
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	return CRM_OK;
}

unsigned crm_param_left_out(crm_analysis *a, const crm_param *p)
{
	const crm_scenario *sc = a->sc;
	unsigned in = a->set.classes, fed = 0;
	int counted = 0;

	if (p->kind == CRM_PARAM_LINE) {
		const crm_line *ln = &sc->lines[p->index];
		if (ln->kind != CRM_BENEFIT || (in & CRM_CLASS_BIT(ln->cls)))
			return 0;
		fed = CRM_CLASS_BIT(ln->cls);
	} else if (p->kind == CRM_PARAM_INPUT && !p->months) {
		char *flags = calloc(sc->ninputs + sc->nlines + 1, 1);
		if (!flags || (a->rebuild && build(a, NULL) != CRM_OK)) {
			free(flags);
			return 0;
		}
		flags[p->index] = 1;
		crm_model_dependents(a->m, flags, flags + sc->ninputs);
		for (size_t l = 0; l < sc->nlines; l++) {
			const crm_line *ln = &sc->lines[l];
			if (!flags[sc->ninputs + l])
				continue;
			if (ln->kind != CRM_BENEFIT || (in & CRM_CLASS_BIT(ln->cls)))
				counted = 1;
			else
				fed |= CRM_CLASS_BIT(ln->cls);
		}
		free(flags);
	}
	return counted ? 0 : fed;
}
