/*
 * headline.c - the headline metrics in display order, for every output that
 * lists them: `crmroi run` in each format, its after-tax view, the document.
 *
 * It only names and words the figures of a crm_metrics; it computes none.
 * What a format adds of its own (run's flexibility line, the document's
 * side-by-side columns) stays with that format.
 */
#include "headline.h"

size_t headline_items(const crm_metrics *m, headline_item *it)
{
	size_t n = 0;
	static const char *const none = "";

#define ITEM(k, l, d, kd, okv, v, nt) it[n++] = (headline_item){ k, l, d, kd, okv, v, nt }
	ITEM("npv", "NPV", "PV(benefits) - PV(costs), at the discount rate", HEADLINE_MONEY, 1,
	     m->npv, none);
	ITEM("roi", "ROI (TEI)", "NPV / PV(costs): Forrester TEI definition", HEADLINE_PERCENT,
	     m->roi_ok, m->roi, m->roi_note);
	ITEM("bcr", "Benefit-cost ratio", "PV(benefits) / PV(costs)", HEADLINE_RATIO, m->bcr_ok,
	     m->bcr, m->bcr_note);
	ITEM("irr", "IRR", "annual rate at which NPV = 0", HEADLINE_PERCENT, m->irr_ok,
	     m->irr_value, m->irr_note);
	ITEM("mirr", "MIRR", "IRR with negatives financed and positives reinvested at the stated "
	     "rates", HEADLINE_PERCENT, m->mirr_ok, m->mirr, m->mirr_note);
	ITEM("payback_months", "Payback", "months until the cumulative net cash flow reaches 0 and "
	     "stays at or above it to the horizon", HEADLINE_MONTHS,
	     m->payback.status == CRM_PAYBACK_REACHED, m->payback.months, m->payback_note);
	ITEM("discounted_payback_months", "Discounted payback", "the same on discounted cash flows",
	     HEADLINE_MONTHS, m->dpayback.status == CRM_PAYBACK_REACHED, m->dpayback.months,
	     m->dpayback_note);
	ITEM("pv_benefits", "PV of benefits", "benefits discounted to the investment date",
	     HEADLINE_MONEY, 1, m->pv_benefits, none);
	ITEM("pv_costs", "PV of costs", "costs discounted to the investment date", HEADLINE_MONEY, 1,
	     m->pv_costs, none);
	ITEM("total_benefits", "Total benefits", "undiscounted sum", HEADLINE_MONEY, 1,
	     m->total_benefits, none);
	ITEM("total_costs", "Total costs", "undiscounted sum", HEADLINE_MONEY, 1, m->total_costs,
	     none);
	ITEM("peak_investment", "Peak investment", "lowest point of the cumulative net cash flow",
	     HEADLINE_MONEY, 1, m->peak_investment, none);
#undef ITEM
	return n;
}

void headline_text(char *buf, size_t len, int kind, int ok, double value)
{
	if (!ok) {
		snprintf(buf, len, "n/a");
		return;
	}
	switch (kind) {
	case HEADLINE_MONEY: fmt_money(buf, len, value, 2); break;
	case HEADLINE_PERCENT: fmt_percent(buf, len, value); break;
	case HEADLINE_RATIO: snprintf(buf, len, "%.2f", value); break;
	default: snprintf(buf, len, "%.1f months", value); break;
	}
}
