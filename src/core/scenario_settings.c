/*
 * scenario_settings.c - kind=setting rows, read in the first pass over the
 * merged rows: each setting's value checked and stored in sc->settings (the
 * after-tax and dated views' settings among them), then the checks across
 * settings and the rates that default to the discount rate.
 *
 * Not the setting `base` (scenario_inherit.c reads it, before any other row),
 * nor a cost's tax columns and date, which are read with the line
 * (scenario_lines.c).
 */
#include "scenario_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crmroi/assess.h"
#include "crmroi/finance.h"

/* The line a setting was given on, or 0. */
/* Where a setting's value was given: its line and column (0, 0 when it was not). */
static crm_loc setting_given_at(const struct loader *ld, const char *name)
{
	for (int i = 0; crm_scen_setting_names[i]; i++)
		if (!strcmp(crm_scen_setting_names[i], name))
			return ld->setting_at[i];
	return (crm_loc){ ld->sc->file, 0, 0 };
}

/*
 * The settings of the after-tax and dated views. Returns CRM_EUSAGE when name
 * is not one of them, so that crm_scen_read_setting goes on.
 */
static crm_status read_tax_setting(struct loader *ld, const struct srow *r, const char *name,
				   const char *v)
{
	crm_settings *s = &ld->sc->settings;
	crm_status st;
	int pct;

	if (!strcmp(name, "tax_rate")) {
		s->tax_given = 1;
		return crm_scen_get_rate(ld, r, COL_VALUE, "tax_rate", 0.0, 1.0, &s->tax_rate);
	}
	if (!strcmp(name, "tax_lag_years"))
		return crm_scen_get_whole(ld, r, COL_VALUE, "tax_lag_years", 0, CRM_MAX_HORIZON_YEARS,
					  &s->tax_lag_years);
	if (!strcmp(name, "tax_losses")) {
		if (!strcasecmp(v, "offset"))
			s->tax_losses = CRM_LOSSES_OFFSET;
		else if (!strcasecmp(v, "carry_forward"))
			s->tax_losses = CRM_LOSSES_CARRY_FORWARD;
		else
			return FAIL(ld, r, COL_VALUE, "tax_losses: '%s' is not known (expected offset: "
				    "a loss lowers the company's other taxable profit, or carry_forward: "
				    "it is set against the project's later profits only)", v);
		return CRM_OK;
	}
	if (!strcmp(name, "declining_factor")) {
		if ((st = crm_scen_get_number(ld, r, COL_VALUE, "declining_factor", &s->declining_factor,
					      &pct)) != CRM_OK)
			return st;
		if (pct || !(s->declining_factor > 0 && s->declining_factor <= 10))
			return FAIL(ld, r, COL_VALUE, "declining_factor: '%s' is not a factor above 0 "
				    "and at most 10 (expected e.g. 2 for double declining balance, 1.5 "
				    "for 150%%)", v);
		return CRM_OK;
	}
	if (!strcmp(name, "discounting")) {
		if (!strcasecmp(v, "periodic"))
			s->discounting = CRM_DISCOUNT_PERIODIC;
		else if (!strcasecmp(v, "dated"))
			s->discounting = CRM_DISCOUNT_DATED;
		else
			return FAIL(ld, r, COL_VALUE, "discounting: '%s' is not known (expected periodic: "
				    "Initial undiscounted and each period at its end, or dated: every "
				    "flow on its day, as XNPV)", v);
		return CRM_OK;
	}
	if (!strcmp(name, "fiscal_year_start"))
		return crm_scen_get_whole(ld, r, COL_VALUE, "fiscal_year_start", 1, 12,
					  &s->fiscal_year_start);
	return CRM_EUSAGE;
}

/* An amount above 0 (a budget, a peak funding, an effort): no percent. */
static crm_status get_limit(struct loader *ld, const struct srow *r, const char *name,
			    const char *v, const char *expected, double *out)
{
	int pct;
	crm_status st = crm_scen_get_number(ld, r, COL_VALUE, name, out, &pct);

	if (st != CRM_OK)
		return st;
	if (pct || !(*out > 0) || !isfinite(*out))
		return FAIL(ld, r, COL_VALUE, "%s: '%s' is not %s above 0", name, v, expected);
	return CRM_OK;
}

/* The roll-out plan's slot and limits (crmroi plan); CRM_EUSAGE when name is none of them. */
static crm_status read_plan_setting(struct loader *ld, const struct srow *r, const char *name,
				    const char *v)
{
	crm_settings *s = &ld->sc->settings;

	if (!strcmp(name, "plan_slot")) {
		static const char *const words[] = { "month", "quarter", "half", "year" };
		static const int months[] = { 1, 3, 6, 12 };
		for (size_t k = 0; k < 4; k++)
			if (!strcasecmp(v, words[k])) {
				s->plan_slot_months = months[k];
				return CRM_OK;
			}
		return FAIL(ld, r, COL_VALUE, "plan_slot: '%s' is not a slot (expected month, "
			    "quarter, half or year: how long each go-live slot is)", v);
	}
	if (!strcmp(name, "plan_budget"))
		return get_limit(ld, r, name, v, "an amount (the most the costs may be in one year)",
				 &s->plan_budget);
	if (!strcmp(name, "plan_peak_funding"))
		return get_limit(ld, r, name, v, "an amount (the most the program may need to "
				 "borrow at its low point)", &s->plan_peak_funding);
	if (!strcmp(name, "plan_effort"))
		return get_limit(ld, r, name, v, "an effort (the most go-live effort in one slot, "
				 "in the unit of the areas' values)", &s->plan_effort);
	if (!strcmp(name, "plan_golives"))
		return crm_scen_get_whole(ld, r, COL_VALUE, "plan_golives", 1, CRM_MAX_AREAS,
					  &s->plan_golives);
	if (!strcmp(name, "max_loss_probability")) {
		s->max_loss_given = 1;
		return crm_scen_get_rate(ld, r, COL_VALUE, "max_loss_probability", 0.0, 1.0,
					 &s->max_loss_probability);
	}
	return CRM_EUSAGE;
}

crm_status crm_scen_read_setting(struct loader *ld, const struct srow *r)
{
	crm_settings *s = &ld->sc->settings;
	const char *name = field(ld, r, COL_NAME);
	const char *v = field(ld, r, COL_VALUE);
	static const enum col unused[] = { COL_LOW, COL_HIGH, COL_DIST, COL_AREA, COL_TIMING,
		COL_START, COL_END, COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK, COL_PROBABILITY,
		COL_UNIT, COL_LABEL };
	int idx = -1;
	crm_status st;

	for (int i = 0; crm_scen_setting_names[i]; i++)
		if (!strcmp(name, crm_scen_setting_names[i]))
			idx = i;
	if (idx < 0) {
		char sug[160];
		crm_suggest(name, crm_scen_setting_names, crm_scen_count_list(crm_scen_setting_names),
			    sug, sizeof sug);
		return FAIL(ld, r, COL_NAME, "unknown setting '%s'%s (expected title, currency, "
			    "horizon_years, discount_rate, period, start_date, finance_rate, "
			    "reinvest_rate, benefit_risk, cost_risk, tax_rate, tax_lag_years, "
			    "tax_losses, declining_factor, discounting, fiscal_year_start, readiness, "
			    "readiness_floor, plan_slot, plan_budget, plan_peak_funding, plan_golives, "
			    "plan_effort, max_loss_probability or decimal_separator)", name, sug);
	}
	if (ld->setting_line[idx])
		return FAIL(ld, r, COL_NAME, "setting '%s' is given twice (first on line %d)", name,
			    ld->setting_line[idx]);
	ld->setting_line[idx] = srow_line(r);
	ld->setting_at[idx] = loc_of(ld, r, COL_VALUE);
	if ((st = crm_scen_check_unused(ld, r, "setting", unused, sizeof unused / sizeof *unused)) != CRM_OK)
		return st;
	if (!strcmp(name, "title")) {
		free(s->title);
		return (s->title = crm_csv_visible(v)) ? CRM_OK : crm_scen_nomem(ld);
	}
	if (!strcmp(name, "currency")) {
		if (!*v || strlen(v) > 8)
			return FAIL(ld, r, COL_VALUE, "currency: '%s' is not a currency code (expected "
				    "a short code such as USD, EUR, GBP)", v);
		free(s->currency);
		return (s->currency = crm_csv_visible(v)) ? CRM_OK : crm_scen_nomem(ld);
	}
	if (!strcmp(name, "horizon_years"))
		return crm_scen_get_whole(ld, r, COL_VALUE, "horizon_years", 1, CRM_MAX_HORIZON_YEARS,
					  &s->horizon_years);
	if (!strcmp(name, "discount_rate")) {
		/* Its note says why this rate: the document's methodology gives it. */
		free(s->discount_rate_note);
		if (!(s->discount_rate_note = xstrdup(field(ld, r, COL_NOTE))))
			return crm_scen_nomem(ld);
		return crm_scen_get_rate(ld, r, COL_VALUE, "discount_rate", -0.99, 10.0, &s->discount_rate);
	}
	if (!strcmp(name, "finance_rate")) {
		ld->finance_given = 1;
		return crm_scen_get_rate(ld, r, COL_VALUE, "finance_rate", -0.99, 10.0, &s->finance_rate);
	}
	if (!strcmp(name, "reinvest_rate")) {
		ld->reinvest_given = 1;
		return crm_scen_get_rate(ld, r, COL_VALUE, "reinvest_rate", -0.99, 10.0, &s->reinvest_rate);
	}
	if (!strcmp(name, "benefit_risk"))
		return crm_scen_get_rate(ld, r, COL_VALUE, "benefit_risk", 0.0, 1.0, &s->benefit_risk);
	if (!strcmp(name, "cost_risk"))
		return crm_scen_get_rate(ld, r, COL_VALUE, "cost_risk", 0.0, 10.0, &s->cost_risk);
	if (!strcmp(name, "readiness_floor"))
		return crm_scen_get_rate(ld, r, COL_VALUE, "readiness_floor", 0.0, 1.0, &s->readiness_floor);
	if (!strcmp(name, "readiness")) {
		/* The answers file is read and scored by crmroi/assess.h, relative to this row's file. */
		free(s->readiness);
		s->readiness = NULL;
		crm_error ae;
		crm_error_clear(&ae);
		crm_status rs = crm_assess_readiness(srow_file(r), v, &s->readiness, &s->readiness_score,
						     &ld->sc->warnings, &ae);
		/* Every error goes through crm_scen_record(), so that check lists it and the
		 * first stays first. */
		if (rs == CRM_EUSAGE)
			return FAIL(ld, r, COL_VALUE, "%s", ae.msg);
		/* A file that cannot be read is an I/O error (exit 3), located at the setting. */
		if (rs == CRM_EIO)
			return crm_scen_fail_status(ld, CRM_EIO, loc_of(ld, r, COL_VALUE), "%s", ae.msg);
		return rs == CRM_OK ? CRM_OK : crm_scen_record(ld, &ae);
	}
	if ((st = read_tax_setting(ld, r, name, v)) != CRM_EUSAGE)
		return st;
	if ((st = read_plan_setting(ld, r, name, v)) != CRM_EUSAGE)
		return st;
	if (!strcmp(name, "period")) {
		if (!strcasecmp(v, "year"))
			s->grid = CRM_GRID_YEAR;
		else if (!strcasecmp(v, "month"))
			s->grid = CRM_GRID_MONTH;
		else
			return FAIL(ld, r, COL_VALUE, "period: '%s' is not a period (expected year or month)", v);
		return CRM_OK;
	}
	/* start_date: a month (month 1's calendar month) or the investment day. */
	{
		int y, m, d = 0;
		char tail;
		if (strlen(v) == 10 ? crm_date_parse(v, &y, &m, &d) != 0
		    : sscanf(v, "%4d-%2d%c", &y, &m, &tail) != 2 || strlen(v) != 7 || y < 1900 ||
		      y > 2999 || m < 1 || m > 12)
			return FAIL(ld, r, COL_VALUE, "start_date: '%s' is not a month or a day "
				    "(expected YYYY-MM, e.g. 2027-01, or the investment date YYYY-MM-DD, "
				    "e.g. 2027-01-15, in the years 1900 to 2999)", v);
		s->start_year = y;
		s->start_month = m;
		s->start_day = d;
	}
	return CRM_OK;
}

/*
 * Once every setting row is read: the checks across settings, and the rates
 * that are the discount rate unless given.
 */
crm_status crm_scen_settings_done(struct loader *ld)
{
	crm_scenario *sc = ld->sc;
	crm_status st;

	if (sc->settings.discounting == CRM_DISCOUNT_DATED && !sc->settings.start_year)
		if ((st = crm_scen_fail_at(ld, setting_given_at(ld, "discounting"),
					   "discounting dated needs the setting start_date (the investment "
					   "date every flow is discounted to)")) != CRM_OK && !go_on(ld, st))
			return st;
	if (!ld->finance_given)
		sc->settings.finance_rate = sc->settings.discount_rate;
	if (!ld->reinvest_given)
		sc->settings.reinvest_rate = sc->settings.discount_rate;
	sc->settings.finance_given = ld->finance_given;
	sc->settings.reinvest_given = ld->reinvest_given;
	sc->settings.readiness_factor = sc->settings.readiness
		? crm_assess_factor(sc->settings.readiness_score, sc->settings.readiness_floor) : 1.0;
	return CRM_OK;
}
