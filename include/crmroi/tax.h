/*
 * crmroi/tax.h - depreciation schedules and the tax of a project, year by year.
 *
 * Pure functions over arrays of yearly figures, so that each can be checked
 * against a spreadsheet's SLN, SYD and VDB or a textbook exercise. They know
 * nothing about scenarios: the caller gathers each year's profit before
 * depreciation and each asset's cost, and turns the tax paid into cash flows.
 * Conventions (documented in crmroi-scenario(5)): full-year depreciation from
 * the year an asset is booked in, tax years are the horizon's years.
 */
#ifndef CRMROI_TAX_H
#define CRMROI_TAX_H

#include <stddef.h>

typedef enum crm_depreciation {
	CRM_DEPR_STRAIGHT,     /* (cost - salvage) / life a year */
	CRM_DEPR_DECLINING,    /* declining balance at factor / life, switching to straight line */
	CRM_DEPR_SYD           /* sum of the years' digits */
} crm_depreciation;

/*
 * The depreciation of one asset in each year of its life: out[0] is the first
 * year, out[life - 1] the last. Requires cost >= 0, 0 <= salvage <= cost,
 * life >= 1 and factor > 0 (used by declining balance only). Every method
 * depreciates cost - salvage in all: declining balance takes the larger of
 * book value x factor / life and the straight line over the remaining life
 * (a spreadsheet's VDB without no_switch), and never goes below salvage.
 */
void crm_depreciation_schedule(double cost, double salvage, int life, crm_depreciation method,
			       double factor, double *out);

typedef enum crm_tax_losses {
	CRM_LOSSES_OFFSET,         /* a loss lowers the company's other profit: negative tax */
	CRM_LOSSES_CARRY_FORWARD   /* a loss is set against the project's later profits only */
} crm_tax_losses;

typedef struct crm_tax_year {
	double profit;          /* before depreciation: benefits - expensed costs */
	double depreciation;
	double taxable;         /* profit - depreciation (before losses carried) */
	double loss_used;       /* losses of earlier years set against this year */
	double loss_carried;    /* losses still to carry at the end of the year */
	double tax;             /* tax of the year; negative is a saving (offset only) */
	double tax_paid;        /* tax paid at the end of this year, after the lag */
} crm_tax_year;

/*
 * The tax of years 1..n: profit[k] and depreciation[k] are year k + 1's. The
 * tax of a year is paid lag whole years later, at the end of that year; what
 * would be paid after year n is left out of out[].tax_paid and summed into
 * *beyond (may be NULL).
 */
void crm_tax_compute(const double *profit, const double *depreciation, int n, double rate,
		     int lag, crm_tax_losses losses, crm_tax_year *out, double *beyond);

#endif
