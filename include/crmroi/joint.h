/*
 * crmroi/joint.h - several scenarios simulated on common random draws.
 *
 * Options for the same program (big bang, phased, a pilot) share most of
 * their uncertainty: the lead volume or the go-live month is the same
 * unknown whichever option is chosen. Simulated apart, two options' NPVs
 * are independent and their ranking can contradict itself; simulated on
 * common draws, an uncertain value with the same name in two scenarios takes
 * the same quantile in every draw (each scenario's own distribution of it),
 * so the comparison measures the options, not the noise.
 *
 * Each uncertain value is keyed by what it is and its name (an input, a
 * line's value, a risk event or a gate), and draw d of key k comes from a
 * counter-based stream: a hash of (seed, k, d). The draws therefore do not
 * depend on the order of the scenarios, on which other scenarios are given,
 * or on the number of threads. Rank correlations within a scenario are
 * imposed by its Gaussian copula on the common normal scores.
 */
#ifndef CRMROI_JOINT_H
#define CRMROI_JOINT_H

#include <stddef.h>
#include <stdint.h>

#include "crmroi/error.h"
#include "crmroi/sample.h"
#include "crmroi/scenario.h"

/* Most scenarios simulated together. */
#define CRM_JOINT_MAX 64

typedef struct crm_joint_options {
	uint64_t n;          /* draws, 2 to 100,000,000 */
	uint64_t seed;
	/*
	 * Measure each scenario that has a tax rate by its NPV after tax
	 * (crmroi/aftertax.h), the others before tax: a caller comparing after
	 * tax gives scenarios that all have one.
	 */
	int after_tax;
	/*
	 * Keep each uncertain value's draws (crm_joint_result.value), as the
	 * first scenario that has it drew it: what the value of information
	 * regresses the options' NPVs on.
	 */
	int keep_values;
	/*
	 * With set_input, input `input` of the first scenario takes the value
	 * `value` in every draw: a certain input that value, an uncertain one
	 * its draws shifted by value less its base (its distribution moved).
	 */
	int set_input;
	size_t input;
	double value;
	/*
	 * With force_group, group `group` of the first scenario goes ahead
	 * (group_on) or not in every draw, whatever its chance: the two
	 * outcomes a decision at the gate chooses between.
	 */
	int force_group;
	size_t group;
	int group_on;
} crm_joint_options;

/* An uncertain value common to the scenarios that have it. */
typedef struct crm_joint_key {
	crm_uncertain item;  /* its distribution in the first scenario that has it (name borrowed) */
	size_t scenario;     /* that scenario */
	int gate;            /* an event that is a group's probability: a gate */
	size_t nscenarios;   /* how many of the scenarios have it */
} crm_joint_key;

typedef struct crm_joint_result {
	size_t ns;           /* scenarios */
	uint64_t n;          /* draws */
	size_t nkeys;        /* distinct uncertain values over all scenarios */
	size_t nshared;      /* of them, those two or more scenarios have */
	crm_joint_key *keys; /* nkeys, in the order of the first scenario's items, then the next's */
	double *value;       /* with keep_values, nkeys x n: key k's draw d at [k * n + d] */
	double *npv;         /* ns x n: scenario s's NPV (after tax with after_tax and a tax rate)
				in draw d at [s * n + d]; NaN when undefined */
	/* Per scenario: */
	uint64_t *defined;   /* draws with an NPV */
	double *mean, *p10, *p50, *p90;
	double *p_negative;  /* P(NPV < 0), over the draws with an NPV */
	double *p_best;      /* P(its NPV is the highest of all), ties shared; over draws where all are defined */
	/* ns x ns: P(NPV of s > NPV of t) at [s * ns + t], over the draws where both are defined. */
	double *p_beats;
	/*
	 * ns x ns at [s * ns + t]: whether s dominates t, on the distributions
	 * of their NPVs over the draws (each scenario's draws with an NPV), at
	 * the percentiles 1% to 99%: at first order when each of s's
	 * percentiles is at least t's (every outcome level is at least as
	 * likely to be reached with s), at second order when each of s's
	 * lower partial means (the mean of its worst p%, p from 1% to 100%) is
	 * at least t's (every risk-averse decision maker prefers s); either
	 * with one strictly above. A difference within two standard errors of
	 * the mean difference of their NPVs on these draws is noise: it counts
	 * neither against dominance nor as the strict part (so a spread of the
	 * same mean, whose simulated mean differs by noise, is dominated at
	 * second order, and two alike scenarios dominate neither way). And
	 * the most s is worse than t in any one
	 * draw, max(NPV of t - NPV of s) over the draws where both are defined
	 * (0 or less: s is never worse). NaN on the diagonal.
	 */
	unsigned char *fsd, *ssd;
	double *worst_shortfall;
} crm_joint_result;

/*
 * Simulate the ns scenarios scs[] on common draws. CRM_EUSAGE when ns is 0
 * or above CRM_JOINT_MAX or n is out of range; CRM_EDATA from a scenario's
 * ranges or correlations; CRM_ENOMEM. The caller owns *res (free with
 * crm_joint_result_free, also after a failure).
 */
crm_status crm_joint_simulate(const crm_scenario *const *scs, size_t ns,
			      const crm_joint_options *opt, crm_joint_result *res, crm_error *err);
void crm_joint_result_free(crm_joint_result *res);

/* ------------------------------------------------ goal seek on a probability */

typedef struct crm_prob_goal {
	int found;           /* value is where P(NPV < 0) crosses the target */
	double value;        /* the input's value there */
	/*
	 * Where P(NPV < 0) is the target less and plus two of its standard
	 * errors, sqrt(p (1 - p) / n): the value's Monte Carlo uncertainty (NaN
	 * when that level is not reached within the interval).
	 */
	double value_lo, value_hi;
	double base, p_base; /* the input's base and P(NPV < 0) there */
	double lo, hi, p_lo, p_hi;   /* the interval searched and P(NPV < 0) at its ends */
	uint64_t n;          /* draws per evaluation */
	int evaluations;     /* simulations made */
} crm_prob_goal;

/*
 * The value of input `input` (with a single base value) of sc at which the
 * probability of a negative NPV equals target (in (0, 1)), searched in
 * [lo, hi] by bisection on simulations of n draws with seed, the same draws
 * at every value tried (common random numbers: P(NPV < 0) moves with the
 * input only). found 0 when P at the ends does not bracket the target.
 * CRM_EUSAGE for an input without a single base value or a bad interval;
 * CRM_EDATA, CRM_ENOMEM from the simulations.
 */
crm_status crm_prob_goal_seek(const crm_scenario *sc, size_t input, double target, double lo,
			      double hi, uint64_t n, uint64_t seed, crm_prob_goal *out,
			      crm_error *err);

#endif
