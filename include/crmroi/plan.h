/*
 * crmroi/plan.h - the roll-out plan as an optimisation (crmroi plan).
 *
 * A scenario's kind=area rows name the benefit areas that may each go live
 * in a slot of their own (a quarter, by default) or be left out, after the
 * areas they depend on, within the limits its settings give: the costs of a
 * year (plan_budget), the peak funding (plan_peak_funding), the areas going
 * live in one slot (plan_golives) and their effort (plan_effort), and the
 * chance of a loss (max_loss_probability). crm_plan searches the choices for
 * the best plan.
 *
 * The method. An area's lines depend on inputs only, never on other lines,
 * so before tax a plan's NPV (and each year's costs, each month's net cash)
 * is the NPV of the scenario with every area left out plus, for each area,
 * what it adds in its slot. These are computed once per area and slot: in
 * the base case, and under uncertainty in every draw of a simulation with
 * one seed, so that each draw's NPV of any plan is a sum, and every plan is
 * measured on the same draws. The search is a branch and bound over the
 * areas (those they depend on first): each area's slot or its leaving out,
 * pruned by the dependencies, the limits of a slot and of a year's costs,
 * and by a bound (the plan so far plus each remaining area's best value
 * alone). It is exact for the expected NPV; past max_nodes it stops and
 * says so, with the gap between its plan and the bound. The P10 objective
 * is not a sum: its plan is the best by P10 of the plans the search kept
 * (the best by expected NPV, and those improved one area at a time), a
 * heuristic, said so. Tax is not a sum either (a loss offsets other
 * profit): the after-tax objective computes the best plans before tax (up to
 * AFTER_TAX_POOL of them) in full after tax, takes the best and moves one
 * area at a time while its NPV after tax rises, each plan computed in full:
 * a heuristic too. The figures of every plan shown are those of the
 * scenario with the plan applied, computed in full (crm_case_new and
 * crm_simulate with the same draws and seed): what run and simulate give
 * for the plan written as a scenario.
 */
#ifndef CRMROI_PLAN_H
#define CRMROI_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "crmroi/error.h"
#include "crmroi/scenario.h"

typedef enum crm_plan_objective {
	CRM_PLAN_MEAN,       /* the expected NPV (the base case's NPV without uncertainty) */
	CRM_PLAN_P10,        /* the 10th percentile of NPV (under uncertainty) */
	CRM_PLAN_AFTER_TAX   /* the expected NPV after tax (a scenario with tax_rate) */
} crm_plan_objective;

typedef struct crm_plan_options {
	crm_plan_objective objective;
	uint64_t n;          /* draws when the scenario is uncertain; 0: the base case only */
	uint64_t seed;
	int jobs;            /* threads of the simulations */
	size_t keep;         /* next best plans to give (at most 10) */
	uint64_t max_nodes;  /* the search's nodes before it stops (0: 5,000,000) */
} crm_plan_options;

/* The limit a plan breaks, or why an area's slot is what it is. */
typedef enum crm_plan_reason {
	CRM_REASON_NONE,
	CRM_REASON_FIRST_SLOT,   /* the earliest slot its row allows */
	CRM_REASON_AFTER,        /* an area it depends on (other, lag) */
	CRM_REASON_BUDGET,       /* a year's costs (year) above plan_budget */
	CRM_REASON_PEAK,         /* peak funding above plan_peak_funding */
	CRM_REASON_GOLIVES,      /* too many go-lives in a slot (slot) */
	CRM_REASON_EFFORT,       /* too much go-live effort in a slot (slot) */
	CRM_REASON_LOSS,         /* P(NPV < 0) above max_loss_probability */
	CRM_REASON_WORTH_LESS,   /* possible, but the plan is worth less by `amount` */
	CRM_REASON_NEGATIVE,     /* left out: it adds `amount` (< 0) at its best slot */
	CRM_REASON_REQUIRED      /* it may not be left out (skip no) */
} crm_plan_reason;

typedef struct crm_plan_why {
	crm_plan_reason reason;
	int other;           /* AFTER: the area's index; GOLIVES, EFFORT: the slot; BUDGET: the year */
	int lag;             /* AFTER */
	double amount;       /* WORTH_LESS, NEGATIVE: the value; BUDGET, PEAK, EFFORT: the level reached */
	int area;            /* AFTER: the area that goes live too soon */
	int slot;            /* a left-out area: the slot tried (its most valuable); 0: a slot earlier */
} crm_plan_why;

/* One plan and its figures, computed in full. */
typedef struct crm_plan_eval {
	int *golive;         /* per area: its slot, or CRM_GOLIVE_SKIP (CRM_GOLIVE_AS_WRITTEN: as written) */
	int feasible;        /* within every limit */
	crm_plan_why broken; /* the first limit broken, when not feasible */
	double npv;          /* the base case's NPV (expected over risk events and gates) */
	int has_tax;
	double npv_after_tax;
	double mean, p10, p_loss;   /* under uncertainty: simulated; NaN otherwise */
	double mean_after_tax;      /* with the after-tax objective under uncertainty; NaN otherwise */
	double peak_funding; /* the lowest monthly cumulative net (<= 0) */
	int peak_month;
	double total_costs;
	double max_year_costs;       /* the highest costs of a year of the horizon (Initial in year 1) */
	int max_year;
	int max_golives;     /* the most areas going live in one slot */
	double max_effort;   /* the most go-live effort in one slot */
	double objective;    /* the value the search ranks by (npv or mean, or p10) */
} crm_plan_eval;

typedef struct crm_plan_result {
	size_t nareas;
	int nslots;
	int slot_months;
	crm_plan_objective objective;
	int uncertain;       /* measured on n draws */
	uint64_t n, seed;
	int exact;           /* the search ended: the plan is the best (by expected NPV) */
	uint64_t nodes;      /* nodes searched */
	double bound;        /* no plan's expected NPV is above this (NaN when none) */
	int any_feasible;    /* some plan keeps within the limits */
	crm_plan_eval best;
	crm_plan_why *why;   /* nareas: why each area of the best plan has its slot */
	double *alone;       /* nareas x (nslots + 1): what area a adds at slot s at [a * (nslots + 1) + s]
				(by the objective's sum: the base case or the mean; NaN where its row
				does not allow the slot; index 0 unused) */
	crm_plan_eval *next; /* the next best plans, best first */
	size_t nnext;
	crm_plan_eval written;       /* the scenario as written */
	crm_plan_eval bigbang;       /* every area in its first slot */
	/* Of the plans kept, those no other beats on both expected NPV and P10 (uncertain only). */
	crm_plan_eval *frontier;
	size_t nfrontier;
	size_t considered;   /* the plans the frontier was drawn from */
} crm_plan_result;

/*
 * Search the plans of sc's areas. sc is changed while the search runs (its
 * areas moved) and restored before it returns. CRM_EUSAGE when sc has no
 * area rows or the options are out of range; CRM_EDATA, CRM_ENOMEM from the
 * evaluations. The caller owns *res (crm_plan_result_free, also after a
 * failure).
 */
crm_status crm_plan(crm_scenario *sc, const crm_plan_options *opt, crm_plan_result *res,
		    crm_error *err);
void crm_plan_result_free(crm_plan_result *res);

/* Apply plan golive (one entry per area) to sc: crm_scenario_set_golive for each area. */
void crm_plan_apply(crm_scenario *sc, const int *golive);

#endif
