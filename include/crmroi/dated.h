/*
 * crmroi/dated.h - calendar days and dated cash flows: XNPV and XIRR.
 *
 * A finance team discounts real dates, as a spreadsheet's XNPV and XIRR do:
 * a flow on day d is discounted to the investment date d0 by
 * (1 + r)^((d - d0) / 365). Dates are proleptic Gregorian calendar days.
 */
#ifndef CRMROI_DATED_H
#define CRMROI_DATED_H

#include <stddef.h>

#include "crmroi/error.h"
#include "crmroi/metrics.h"
#include "crmroi/model.h"

/* Days since 1970-01-01 of a calendar date (negative before). */
long crm_date_days(int year, int month, int day);
/* Parse YYYY-MM-DD strictly, a real calendar day from 1900 to 2999: 0, or -1. */
int crm_date_parse(const char *s, int *year, int *month, int *day);
/*
 * The same day `months` months later, clamped to the end of a shorter month
 * (the spreadsheet's EDATE: 2027-01-31 plus one month is 2027-02-28).
 */
void crm_date_add_months(int *year, int *month, int *day, int months);

/* sum v[i] / (1 + rate)^t[i], t in years of 365 days from the investment date. */
double crm_xnpv(const double *v, const double *t, size_t n, double rate);

/*
 * Every annual rate r in [CRM_IRR_MIN, CRM_IRR_MAX] with XNPV = 0, ascending,
 * as crm_irr_solve does for equally spaced flows: sign changes of XNPV on a
 * grid of ln(1 + r) refined with GSL's Brent solver, and touching (double)
 * roots located where the derivative vanishes. CRM_ENUM if GSL fails.
 */
crm_status crm_xirr_solve(const double *v, const double *t, size_t n, crm_irr *out,
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
