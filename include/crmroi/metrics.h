/*
 * crmroi/metrics.h - business-case metrics of an evaluated scenario.
 *
 * crm_metrics_compute applies the finance functions (crmroi/finance.h) to a
 * model's cash flow, periodic or dated as its settings say, and gives every
 * metric with a note wherever one does not exist.
 */
#ifndef CRMROI_METRICS_H
#define CRMROI_METRICS_H

#include <stddef.h>

#include "crmroi/error.h"
#include "crmroi/finance.h"
#include "crmroi/model.h"

typedef struct crm_metrics {
	double total_costs, total_benefits;   /* undiscounted */
	double pv_costs, pv_benefits;
	double npv;
	double roi;  int roi_ok;   /* NPV / PV(costs), TEI definition */
	double bcr;  int bcr_ok;   /* PV(benefits) / PV(costs) */
	crm_irr irr;
	double irr_value; int irr_ok;  /* the headline IRR: the root nearest the discount rate */
	double mirr; int mirr_ok;
	crm_payback payback, dpayback;
	double peak_investment;         /* lowest cumulative net (<= 0) */
	int peak_period;                /* where it happens */
	char roi_note[200], bcr_note[200], irr_note[600], mirr_note[200];
	char payback_note[300], dpayback_note[300];
} crm_metrics;

/* All metrics of an evaluated scenario. Returns CRM_ENUM if IRR solving fails. */
crm_status crm_metrics_compute(const crm_model *m, const crm_cashflow *cf, crm_metrics *out,
			       crm_error *err);

/*
 * The rates of return of an evaluated scenario's net cash flow, whatever its
 * discounting: with periodic discounting crm_irr_solve on the periods; with
 * dated discounting the XIRR of every flow on its day (each period's flows on
 * the day it ends, a once line with a date of its own on that day).
 */
crm_status crm_cashflow_irr(const crm_model *m, const crm_cashflow *cf, crm_irr *out,
			    crm_error *err);
/* MIRR of the same flows, at the model's finance and reinvestment rates: 0, or -1 when none. */
int crm_cashflow_mirr(const crm_model *m, const crm_cashflow *cf, double *out);

#endif
