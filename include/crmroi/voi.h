/*
 * crmroi/voi.h - the value of information: what resolving an uncertainty
 * before deciding would be worth.
 *
 * The decision is to go ahead with one scenario or not (its NPV against 0),
 * or the choice among several scenarios given together (the highest expected
 * NPV). The options are simulated on common random draws (crmroi/joint.h).
 * Without more information the decision maker takes the option with the
 * highest mean NPV; with perfect information about everything, the best
 * option of each draw. The difference of their means is the expected value
 * of perfect information (EVPI): the most any study, pilot or wait could be
 * worth before deciding.
 *
 * The expected value of partial perfect information (EVPPI) of an uncertain
 * value (or a group of values resolved together) is the same with only that
 * value known: E_x[max_d E(NB_d | x)] - max_d E(NB_d). The conditional
 * means E(NB_d | x) are estimated by regression of each option's net benefit,
 * less the best option's, on the value across the draws (Strong, Oakley and
 * Brennan 2014, "Estimating multiparameter partial expected value of perfect
 * information from a probabilistic sensitivity analysis sample: a
 * nonparametric regression approach", Medical Decision Making 34(3)):
 * a cubic B-spline (GSL) with knots at quantiles of the value for one
 * continuous value, the mean at each value for one that takes few values (a
 * risk event, a gate, a whole month), and an additive model of those for a
 * group. Each estimate has its Monte Carlo standard error: the standard
 * deviation over the draws of the per-draw gain, over the square root of
 * the draws (the regression's own error left out).
 */
#ifndef CRMROI_VOI_H
#define CRMROI_VOI_H

#include <stddef.h>
#include <stdint.h>

#include "crmroi/error.h"
#include "crmroi/sample.h"
#include "crmroi/scenario.h"

/* Most groups of values named together, and values in one group. */
#define CRM_VOI_MAX_GROUPS 16
#define CRM_VOI_MAX_GROUP_SIZE 8
/* A value with at most this many distinct draws is estimated by its means (a gate, a month). */
#define CRM_VOI_DISCRETE 24
/* Interior knots of the B-spline of one continuous value. */
#define CRM_VOI_KNOTS 6

typedef struct crm_voi_options {
	uint64_t n;                /* draws, 100 to 10,000,000 */
	uint64_t seed;
	int after_tax;             /* decide on NPV after tax (scenarios with a tax rate) */
	/* Groups of values resolved together: each a comma-separated list of names. */
	const char *const *groups;
	size_t ngroups;
} crm_voi_options;

typedef enum crm_voi_kind {
	CRM_VOI_INPUT, CRM_VOI_LINE, CRM_VOI_EVENT, CRM_VOI_GATE, CRM_VOI_GROUP
} crm_voi_kind;

typedef struct crm_voi_value {
	char *name;                /* a value's name, or a group's names joined by ", " */
	crm_voi_kind kind;
	size_t key;                /* its index in the uncertain values (a group: its first) */
	size_t scenario;           /* the first scenario that has it (a group: its first value's) */
	int index;                 /* its input's or line's index there */
	size_t nmembers;           /* a group: its values; 1 otherwise */
	int discrete;              /* estimated by its means (few distinct values) */
	double evppi, se;          /* in the scenarios' currency */
	/* The share of draws in which knowing it changes the decision. */
	double p_change;
} crm_voi_value;

typedef struct crm_voi_result {
	size_t noptions;           /* the scenarios, and doing nothing with one scenario */
	int nothing;               /* option noptions - 1 is doing nothing (NPV 0) */
	double *mean;              /* per option: mean NPV over the draws used */
	size_t best;               /* the decision without more information: the highest mean */
	uint64_t n, used;          /* draws, and those in which every option has an NPV */
	double evpi, evpi_se;
	double p_change;           /* share of draws whose best option is not `best` */
	crm_voi_value *values;     /* each uncertain value (in the scenarios' order), then each group */
	size_t nvalues, ngroups;
} crm_voi_result;

/*
 * The value of information of the decision among the ns scenarios scs[]
 * (go or not, when ns is 1). CRM_EUSAGE for a draw count out of range or a
 * group naming no uncertain value (err says which), CRM_EDATA from the
 * scenarios' ranges, CRM_ENOMEM. The caller frees *res with
 * crm_voi_result_free, also after a failure.
 */
crm_status crm_voi(const crm_scenario *const *scs, size_t ns, const crm_voi_options *opt,
		   crm_voi_result *res, crm_error *err);
void crm_voi_result_free(crm_voi_result *res);

/* ------------------------------------------------------- gates as decisions */

/*
 * A group whose lines carry the decide column (crmroi-scenario(5)) is a
 * decision at its month, not only a chance: in each draw the roll-out goes
 * ahead when its chance allows (the group's probability, when below 1) and
 * its expected value given the inputs observed by then is positive. That
 * expectation, E(NPV going ahead - NPV stopping | observed), is estimated by
 * regression across the draws, as Longstaff and Schwartz do for American
 * options ("Valuing American Options by Simulation: A Simple Least-Squares
 * Approach", Review of Financial Studies 14(1), 2001), with the splines of
 * the value of information, fitted on half the draws and applied to the
 * other half (and the other way round), so that the decision in a draw never
 * sees that draw's outcome. Each group is decided on its own, the others as
 * drawn.
 */
typedef struct crm_gate_decision {
	size_t group;              /* index in sc->groups */
	double probability;        /* its chance to go ahead (1 without one) */
	double commit, decide;     /* mean NPV going ahead whenever the chance allows, and with
				      the decision */
	double option, option_se;  /* the value of the option to stop: decide - commit */
	double p_stop;             /* share of draws in which the decision stops it */
	double p_negative_commit, p_negative_decide;
	double p10[2], p50[2], p90[2];   /* NPV committing now [0] and with the decision [1] */
	size_t nobserved;          /* the observed inputs that vary (the regression's) */
} crm_gate_decision;

typedef struct crm_decide_result {
	uint64_t n, used;          /* draws, and those in which both outcomes have an NPV */
	size_t ngates;
	crm_gate_decision *gates;  /* the groups with a decide column, in group order */
} crm_decide_result;

/*
 * Each decided group of sc on n draws (100 to 10,000,000) with seed, on
 * common draws. ngates 0 when no group has a decide column. CRM_EUSAGE for n
 * out of range; CRM_EDATA, CRM_ENOMEM. Free with crm_decide_result_free,
 * also after a failure.
 */
crm_status crm_decide(const crm_scenario *sc, uint64_t n, uint64_t seed, crm_decide_result *res,
		      crm_error *err);
void crm_decide_result_free(crm_decide_result *res);

/* "input", "line value", "risk event", "gate", "group". */
const char *crm_voi_kind_name(crm_voi_kind k);

#endif
