/*
 * aftertax.c - tax, depreciation and salvage turned into the after-tax cash
 * flow of an evaluated scenario, and its metrics.
 *
 * Conventions (crmroi-scenario(5)): tax years are the horizon's years; the
 * Initial column (month 0) belongs to Year 1; a capitalised cost is an asset
 * booked in the year that holds the month it is paid in, depreciated for whole
 * years from that year (full-year convention), one asset per year's spending
 * for a recurring cost; depreciation after the horizon is left out.
 */
#include "crmroi/aftertax.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void crm_after_tax_free(crm_after_tax *at)
{
	if (!at)
		return;
	free(at->years);
	free(at->capitalised);
	free(at->salvage);
	crm_cashflow_free(at->cf);
	memset(at, 0, sizeof *at);
}

/* Year 1..n of period p; the Initial column is in Year 1. */
static int tax_year(const crm_cashflow *cf, int p)
{
	return p == 0 ? 1 : crm_cashflow_year_of(cf, p);
}

crm_status crm_after_tax_compute(const crm_model *m, const crm_cashflow *cf, crm_after_tax *out,
				  crm_error *err)
{
	const crm_scenario *sc = crm_model_scenario(m);
	const crm_settings *s = crm_model_settings(m);
	int n = cf->nperiods * cf->months_per_period / 12, np = cf->nperiods + 1;
	int ppy = 12 / cf->months_per_period;
	double *profit = calloc((size_t)n + 1, sizeof *profit);
	double *dep = calloc((size_t)n + 1, sizeof *dep);
	double *spend = calloc((size_t)n + 1, sizeof *spend);
	double *sched = calloc(CRM_MAX_HORIZON_YEARS + 1, sizeof *sched);
	crm_status st = CRM_OK;

	memset(out, 0, sizeof *out);
	out->nyears = n;
	out->years = calloc((size_t)n + 1, sizeof *out->years);
	out->capitalised = calloc((size_t)n + 1, sizeof *out->capitalised);
	out->salvage = calloc((size_t)n + 1, sizeof *out->salvage);
	out->cf = crm_cashflow_new(m);
	if (!profit || !dep || !spend || !sched || !out->years || !out->capitalised ||
	    !out->salvage || !out->cf) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory for the after-tax "
				   "view");
		goto done;
	}
	for (int p = 0; p < np; p++)
		profit[tax_year(cf, p) - 1] += cf->benefits[p];
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		const double *a = cf->amount + l * (size_t)np;
		if (ln->kind != CRM_COST)
			continue;
		if (!ln->capitalise) {
			for (int p = 0; p < np; p++)
				profit[tax_year(cf, p) - 1] -= a[p];
			continue;
		}
		memset(spend, 0, (size_t)n * sizeof *spend);
		for (int p = 0; p < np; p++)
			spend[tax_year(cf, p) - 1] += a[p];
		/* The salvage counts as the line does: at its probability. */
		double salvage = ln->salvage_given ? ln->salvage * ln->probability : 0;
		for (int y = 0; y < n; y++) {
			if (spend[y] == 0)
				continue;
			if (salvage > spend[y]) {
				st = crm_error_set(err, CRM_EDATA, ln->loc.file, ln->loc.line, ln->loc.col,
						   "cost '%s': salvage %.2f is above the %.2f capitalised "
						   "in Year %d", ln->label, salvage, spend[y], y + 1);
				goto done;
			}
			out->capitalised[y] += spend[y];
			crm_depreciation_schedule(spend[y], salvage, ln->life, ln->depreciation,
						  s->declining_factor, sched);
			for (int k = 0; k < ln->life && y + k < n; k++)
				dep[y + k] += sched[k];
			if (salvage && y + ln->life - 1 < n)
				out->salvage[y + ln->life - 1] += salvage;
		}
	}
	crm_tax_compute(profit, dep, n, s->tax_rate, s->tax_lag_years, s->tax_losses, out->years,
			&out->tax_beyond);

	/* The after-tax cash flow: tax and salvage at the end of their year. */
	crm_cashflow *at = out->cf;
	memcpy(at->costs, cf->costs, (size_t)np * sizeof *at->costs);
	memcpy(at->benefits, cf->benefits, (size_t)np * sizeof *at->benefits);
	memcpy(at->pv_costs, cf->pv_costs, (size_t)np * sizeof *at->pv_costs);
	memcpy(at->pv_benefits, cf->pv_benefits, (size_t)np * sizeof *at->pv_benefits);
	memcpy(at->line_dated, cf->line_dated, sc->nlines * sizeof *at->line_dated);
	for (int y = 0; y < n; y++) {
		int p = (y + 1) * ppy;
		double tax = out->years[y].tax_paid;
		if (tax >= 0) {
			at->costs[p] += tax;
			at->pv_costs[p] += tax * at->df[p];
		} else {
			at->benefits[p] -= tax;
			at->pv_benefits[p] -= tax * at->df[p];
		}
		at->benefits[p] += out->salvage[y];
		at->pv_benefits[p] += out->salvage[y] * at->df[p];
	}
	int own_days = 0;   /* lines discounted at a day of their own (dated discounting) */
	for (size_t l = 0; l < sc->nlines; l++)
		own_days |= !isnan(cf->line_df[l]);
	double cum = 0, cumpv = 0;
	for (int p = 0; p < np; p++) {
		at->net[p] = at->benefits[p] - at->costs[p];
		at->pv_net[p] = own_days ? at->pv_benefits[p] - at->pv_costs[p] : at->net[p] * at->df[p];
		cum += at->net[p];
		cumpv += at->pv_net[p];
		at->cumulative[p] = cum;
		at->cumulative_pv[p] = cumpv;
	}
	st = crm_metrics_compute(m, at, &out->metrics, err);
done:
	free(profit);
	free(dep);
	free(spend);
	free(sched);
	if (st != CRM_OK)
		crm_after_tax_free(out);
	return st;
}
