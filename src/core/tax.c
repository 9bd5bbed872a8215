/*
 * tax.c - depreciation schedules and yearly tax with a lag and losses.
 */
#include "crmroi/tax.h"

#include <math.h>

void crm_depreciation_schedule(double cost, double salvage, int life, crm_depreciation method,
			       double factor, double *out)
{
	double base = cost - salvage;

	switch (method) {
	case CRM_DEPR_STRAIGHT:
		for (int y = 0; y < life; y++)
			out[y] = base / life;
		return;
	case CRM_DEPR_SYD: {
		/* Year y (1-based) takes (life - y + 1) / (life (life + 1) / 2). */
		double digits = (double)life * (life + 1) / 2.0;
		for (int y = 0; y < life; y++)
			out[y] = base * (double)(life - y) / digits;
		return;
	}
	case CRM_DEPR_DECLINING: {
		double book = cost, rate = factor / life;
		for (int y = 0; y < life; y++) {
			double left = book - salvage;
			double db = book * rate, sl = left / (life - y);
			double d = db > sl ? db : sl;
			if (d > left)
				d = left;
			if (d < 0)
				d = 0;
			out[y] = d;
			book -= d;
		}
		return;
	}
	}
}

void crm_tax_compute(const double *profit, const double *depreciation, int n, double rate,
		     int lag, crm_tax_losses losses, crm_tax_year *out, double *beyond)
{
	double carried = 0, after = 0;

	for (int y = 0; y < n; y++) {
		crm_tax_year *t = &out[y];
		t->profit = profit[y];
		t->depreciation = depreciation[y];
		t->taxable = profit[y] - depreciation[y];
		t->loss_used = 0;
		t->tax_paid = 0;
		if (losses == CRM_LOSSES_OFFSET) {
			t->tax = rate * t->taxable;
		} else if (t->taxable < 0) {
			carried += -t->taxable;
			t->tax = 0;
		} else {
			t->loss_used = carried < t->taxable ? carried : t->taxable;
			carried -= t->loss_used;
			t->tax = rate * (t->taxable - t->loss_used);
		}
		t->loss_carried = carried;
	}
	for (int y = 0; y < n; y++) {
		if (y + lag < n)
			out[y + lag].tax_paid += out[y].tax;
		else
			after += out[y].tax;
	}
	if (beyond)
		*beyond = after;
}
