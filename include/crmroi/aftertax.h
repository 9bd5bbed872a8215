/*
 * crmroi/aftertax.h - the after-tax view of an evaluated scenario.
 *
 * With the setting tax_rate, the profit of each year of the horizon is its
 * benefits less its expensed costs less the depreciation of its capitalised
 * costs (all risk-adjusted, as the cash flows are); the tax of that profit
 * (crmroi/tax.h) is paid tax_lag_years later at the end of a year, and the
 * salvage of a capitalised cost comes back as cash at the end of its life.
 * The after-tax cash flow is the before-tax one with the tax paid added to
 * the costs (a negative tax, a saving, to the benefits) and the salvage to the
 * benefits, and its metrics are computed exactly as the before-tax ones.
 */
#ifndef CRMROI_AFTERTAX_H
#define CRMROI_AFTERTAX_H

#include "crmroi/error.h"
#include "crmroi/metrics.h"
#include "crmroi/model.h"
#include "crmroi/tax.h"

typedef struct crm_after_tax {
	int nyears;                 /* the horizon's years; arrays below index Year 1 at 0 */
	crm_tax_year *years;
	double *capitalised;        /* spending capitalised in each year */
	double *salvage;            /* salvage received at the end of each year */
	double tax_beyond;          /* tax of the horizon's years paid after it: left out */
	crm_cashflow *cf;           /* the after-tax cash flow (costs, benefits, net, PV...) */
	crm_metrics metrics;        /* its metrics, with the same definitions and notes */
} crm_after_tax;

/*
 * Compute the after-tax view of m's evaluation cf, which must keep its line
 * amounts (cf->keep_amounts). out is filled and owned by the caller (free it
 * with crm_after_tax_free). CRM_EDATA, located at the line, when a capitalised
 * cost's salvage exceeds what was spent on it; CRM_ENOMEM; CRM_ENUM from IRR.
 */
crm_status crm_after_tax_compute(const crm_model *m, const crm_cashflow *cf, crm_after_tax *out,
				  crm_error *err);
void crm_after_tax_free(crm_after_tax *at);

#endif
