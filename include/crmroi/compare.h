/*
 * crmroi/compare.h - business cases against each other: the value of each
 * figure of a case by id, which case is best on a figure and the place of
 * each, and the incremental cash flows of one case over another with what
 * their IRR means.
 *
 * An analysis above the business case (crmroi/case.h): it reads cases
 * computed once and evaluates no model again. It does not choose what a
 * comparison shows, nor how: its tables and their words are the render
 * layer's (src/render/compare_view.c).
 */
#ifndef CRMROI_COMPARE_H
#define CRMROI_COMPARE_H

#include <stddef.h>

#include "crmroi/analysis.h"
#include "crmroi/case.h"
#include "crmroi/error.h"
#include "crmroi/finance.h"
#include "crmroi/metrics.h"
#include "crmroi/model.h"

/* ---------------------------------------------------- a case's figures by id */

/*
 * Two figures of a case beside its metrics: peak investment, the lowest
 * cumulative net cash flow at a period end (crm_metrics.peak_investment, 0
 * or below, in the scenario's currency; the month-by-month peak funding of
 * crm_case can be deeper), and the month that period ends (0 = Initial).
 * They extend crm_metric_id past the metrics for crm_case_value,
 * crm_compare_better and the ranking only: crm_metric_info_of and the
 * analyses do not take them.
 */
#define CRM_CASE_PEAK_INVESTMENT ((crm_metric_id)CRM_METRIC_COUNT)
#define CRM_CASE_PEAK_MONTH ((crm_metric_id)(CRM_METRIC_COUNT + 1))

/*
 * The value of figure id of case c: a metric as the case computed it
 * (before tax, or after tax for the after-tax ids), or one of the two above.
 * Undefined, with its reason (static text): "no PV of costs" (ROI, BCR), "no
 * IRR", "no MIRR", "not reached" (the paybacks), "no tax_rate setting" (an
 * after-tax metric of a scenario without that setting), "no such metric".
 */
crm_value crm_case_value(const crm_case *c, crm_metric_id id);

/* Which way a figure is better. */
typedef enum crm_better { CRM_BETTER_LOW = -1, CRM_BETTER_NONE = 0, CRM_BETTER_HIGH = 1 } crm_better;

/*
 * Lower for the paybacks (before and after tax) and PV of costs, neither for
 * the month of peak investment, higher for every other figure (peak
 * investment too: 0 or below, the higher the less to fund).
 */
crm_better crm_compare_better(crm_metric_id id);

/* ------------------------------------------------------------------ ranking */

/*
 * The index of the best of the n cases on figure id (crm_compare_better),
 * among those that have it defined; the first of equal values. -1 when no
 * case has it defined, or when it is neither better high nor low. Borrows
 * cases.
 */
int crm_compare_best(const crm_case *const *cases, size_t n, crm_metric_id id);

/*
 * The place of cases[i] when the n cases are ranked on figure id, 1 = best:
 * those that have it defined before those that have not, the better value
 * first (for a figure neither better high nor low, the order given), equal
 * values in the order given. The places of the n cases are 1
 * to n, each once. Borrows cases.
 */
size_t crm_compare_place(const crm_case *const *cases, size_t n, crm_metric_id id, size_t i);

/* -------------------------------------------------------- incremental flows */

/*
 * What an incremental IRR means. The difference of two cash flows is an
 * investment when it changes sign once, from negative to positive (spend more
 * now, earn more later): its IRR is a rate of return. One change from
 * positive to negative (the scenario spends less first, and earns less later)
 * makes the IRR a borrowing rate: the scenario is better when it is below
 * the discount rate. No change, or several, give no rate worth showing
 * (CRM_INCREMENTAL_NONE); neither does a difference with no IRR found.
 */
typedef enum crm_incremental_kind {
	CRM_INCREMENTAL_NONE,
	CRM_INCREMENTAL_INVESTMENT,
	CRM_INCREMENTAL_BORROWING
} crm_incremental_kind;

/*
 * Flows of a difference smaller than this fraction of its largest are taken
 * as 0 when its changes of sign are counted: a rounding residue of two equal
 * amounts is no change.
 */
#define CRM_INCREMENTAL_SIGN_TOL 1e-9

/*
 * The kind of the n flows of a difference, of which irr_ok says whether an
 * IRR was found, and in *why (static text) what its IRR means or why it
 * means nothing.
 */
crm_incremental_kind crm_incremental_judge(const double *flows, size_t n, int irr_ok,
					   const char **why);
/* "investment", "borrowing" or "none". */
const char *crm_incremental_kind_name(crm_incremental_kind k);

/*
 * Incremental cash flows of scenario b over scenario a (b - a): is the extra
 * spend of b worth it? When both are evaluated on the same grid the flows are
 * compared period by period, the shorter horizon padded with zeros; otherwise
 * both are folded into years (Initial, Year 1..n) first.
 */
typedef struct crm_incremental {
	int months_per_period;     /* of flows: 1 or 12 */
	size_t n;                  /* entries in flows, Initial first */
	double *flows;             /* malloc'd */
	double npv;                /* NPV(b) - NPV(a), each at its own discount rate */
	int same_rate;             /* both use the same discount rate */
	crm_irr irr;               /* of flows */
	double irr_value;          /* the root nearest b's discount rate */
	int irr_ok;
	crm_incremental_kind kind; /* what irr_value means (crm_incremental_judge) */
	const char *why;           /* static text: that meaning, or why there is none */
} crm_incremental;

/*
 * Fill out with the incremental flows of b (its metrics mb, discount rate
 * rate_b) over a (ma, rate_a), which it borrows; the caller owns out's flows
 * and frees them with crm_incremental_free. CRM_ENOMEM, or CRM_ENUM from the
 * IRR solver, with err filled and out zeroed (freeing it is then a no-op).
 */
crm_status crm_incremental_flows(const crm_cashflow *a, const crm_metrics *ma, double rate_a,
				 const crm_cashflow *b, const crm_metrics *mb, double rate_b,
				 crm_incremental *out, crm_error *err);
/* Frees inc's flows and zeroes it; NULL is a no-op. */
void crm_incremental_free(crm_incremental *inc);

/*
 * Fold a per-period series of cf's grid into years: out[0] = Initial, out[k]
 * = Year k, for the horizon's years (out has horizon + 1 entries).
 */
void crm_fold_years(const crm_cashflow *cf, const double *per_period, double *out);

#endif
