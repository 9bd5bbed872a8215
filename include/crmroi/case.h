/*
 * crmroi/case.h - the business case: every figure a reader of one scenario
 * may need, computed once.
 *
 * crm_case_new evaluates a scenario and gathers what every output shows: the
 * cash flows and metrics before tax, and after tax when the scenario has a
 * tax rate; the discounting convention in force (periodic or dated); the
 * present value and total of every line; the benefits by class, with the
 * classes the metrics leave out (flexibility, or what --only drops)
 * evaluated apart; hard benefits (cash, cost reduction) against soft ones
 * (productivity, cost avoidance); the plan before the TEI risk adjustment;
 * peak funding at the month it happens; and each gate's figures if it goes
 * ahead and if it stops. Every command and every renderer reads this struct;
 * none evaluates a model or computes a metric itself.
 *
 * The analyses (sensitivity, simulation, comparison, tracking) sit above the
 * case and evaluate the model many times; the case is one evaluation.
 */
#ifndef CRMROI_CASE_H
#define CRMROI_CASE_H

#include <stddef.h>

#include "crmroi/aftertax.h"
#include "crmroi/error.h"
#include "crmroi/metrics.h"
#include "crmroi/model.h"
#include "crmroi/scenario.h"

/*
 * Parts of the case a caller that does not show them may leave out, to save
 * their evaluations (a batch over many files): each is one or more further
 * evaluations of the model. Left out, their fields are 0 (pointers NULL).
 */
enum {
	CRM_CASE_BEFORE_RISK = 1,  /* unadjusted, unadjusted_line_pv, unrisked */
	CRM_CASE_GATES = 2,        /* gates, ngates */
	CRM_CASE_PEAK = 4          /* peak_funding, peak_month, after_tax_peak */
};

typedef struct crm_case_options {
	/*
	 * The scenario's benefit classes were chosen by the caller (--only):
	 * sc->settings.classes was set before crm_case_new. Outputs say so.
	 */
	int only_given;
	unsigned leave_out;        /* CRM_CASE_* parts not computed; 0: the whole case */
} crm_case_options;

/* The benefits of one class: how many lines, their undiscounted total and present value. */
typedef struct crm_class_sum {
	size_t nlines;
	double total, pv;
} crm_class_sum;

/* Peak funding: the lowest monthly cumulative net (<= 0) and the month it is reached. */
typedef struct crm_peak {
	double funding;
	int month;
} crm_peak;

/*
 * A gate (a group of lines with a probability below 1): the case if the
 * group goes ahead (its lines count whole) and if it stops (they do not
 * count), every other line as in the case.
 */
typedef struct crm_case_gate {
	size_t group;               /* index in sc->groups */
	double probability;
	crm_metrics go, stop;
	crm_peak go_peak, stop_peak;   /* peak funding by month if it goes ahead, if it stops */
} crm_case_gate;

typedef struct crm_case {
	const crm_scenario *sc;     /* borrowed: it must outlive the case */
	int only_given;             /* as in the options */
	unsigned left_out;          /* the CRM_CASE_* parts not computed (options' leave_out) */
	crm_discounting convention; /* periodic (TEI) or dated (XNPV) */
	/* Before tax, risk-adjusted: the headline. */
	crm_model *model;
	crm_cashflow *cf;           /* keeps its inputs and line amounts */
	crm_metrics m;
	/* After tax, when the scenario has the setting tax_rate (has_tax). */
	int has_tax;
	crm_after_tax at;
	/* Per line: undiscounted total and present value (a dated line at its own day). */
	double *line_total, *line_pv;
	/*
	 * Benefits with an adoption column, per line (0 for the others): the total
	 * and present value of their amounts in cf before and after the share of
	 * adoption.
	 */
	double *adoption_before_total, *adoption_before_pv;
	double *adoption_after_total, *adoption_after_pv;
	/*
	 * Benefit classes. When the metrics leave a class out (flexibility, or
	 * --only), all_model and all_cf evaluate every class, so that the lines
	 * left out can be shown apart; otherwise both are NULL and cf serves.
	 */
	crm_model *all_model;
	crm_cashflow *all_cf;
	crm_class_sum cls[CRM_NCLASSES];
	/*
	 * Hard benefits (cash, cost reduction: money that reaches the bank or
	 * stops leaving it) against soft ones (productivity, cost avoidance),
	 * present values; flexibility is apart from both. npv_hard is the NPV
	 * of the costs against the hard benefits alone.
	 */
	double pv_hard, pv_soft, npv_hard;
	/*
	 * The plan before the TEI risk adjustment (every line's risk 0). When no
	 * line has a risk, unadjusted_model is NULL and unadjusted_cf is cf.
	 */
	crm_model *unadjusted_model;
	crm_cashflow *unadjusted_cf;
	crm_metrics unadjusted;
	/*
	 * Per line, the present value before risk adjustment; for a benefit the
	 * metrics leave out, its risk-adjusted one over (1 - risk).
	 */
	double *unadjusted_line_pv;
	/*
	 * The plan as written, before any risk: no TEI risk adjustment, and every
	 * gate and risk event going ahead (its probability taken as 1), so that
	 * options with and without gates compare like with like. When no line
	 * has a probability below 1, it is the unadjusted view's metrics.
	 */
	crm_metrics unrisked;
	crm_peak unrisked_peak;     /* its peak funding by month */
	/*
	 * Peak funding: the lowest point of the cumulative net cash flow month by
	 * month (0 when it never falls below 0) and the month it is reached
	 * (0 = the Initial column). On a yearly grid it can be deeper than the
	 * lowest year end (crm_metrics.peak_investment): a year's amounts are
	 * spread over its months as each line's timing spreads them.
	 */
	double peak_funding;
	int peak_month;
	/*
	 * After tax (has_tax): the same lowest point of the monthly cumulative,
	 * with each year's tax paid (a saving received) and salvage at the end of
	 * the year it falls in, where the after-tax cash flow puts them.
	 */
	crm_peak after_tax_peak;
	/* The gates: groups with a probability below 1, in group order. */
	crm_case_gate *gates;
	size_t ngates;
} crm_case;

/*
 * Compute the case of sc, which it borrows (sc must outlive the case). opt
 * may be NULL. NULL with err filled on failure: CRM_EDATA when the scenario
 * cannot be evaluated (err located at the value), CRM_ENUM, CRM_ENOMEM. The
 * caller owns the result.
 */
crm_case *crm_case_new(const crm_scenario *sc, const crm_case_options *opt, crm_error *err);
void crm_case_free(crm_case *c);

/* Whether line l counts in the metrics: a cost always, a benefit when its class is counted. */
int crm_case_line_counted(const crm_case *c, size_t l);
/* Whether some benefit line's class is left out of the metrics (all_cf then holds it). */
int crm_case_any_left_out(const crm_case *c);
/* The cash flow that holds line l's amounts: cf when it counts, all_cf otherwise. */
const crm_cashflow *crm_case_line_flows(const crm_case *c, size_t l);

#endif
