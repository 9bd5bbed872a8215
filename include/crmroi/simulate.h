/*
 * crmroi/simulate.h - Monte Carlo risk analysis and global sensitivity.
 *
 * Uncertain values are drawn from their distributions (crm_uncertain), with
 * rank correlations imposed through a Gaussian copula, and the model is
 * evaluated once per draw. Draws are made in fixed blocks, each with its own
 * random stream seeded from (seed, block number), and blocks are merged in
 * order: the results do not depend on the number of threads.
 */
#ifndef CRMROI_SIMULATE_H
#define CRMROI_SIMULATE_H

#include <stddef.h>
#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "crmroi/analysis.h"
#include "crmroi/error.h"
#include "crmroi/scenario.h"

/* ----------------------------------------------------------- distributions */

typedef enum crm_item_kind {
	CRM_ITEM_INPUT,     /* an input's value */
	CRM_ITEM_LINE,      /* a cost or benefit line's value */
	CRM_ITEM_EVENT      /* whether a line with a probability happens (0 or 1) */
} crm_item_kind;

/* One uncertain quantity and its distribution. */
typedef struct crm_uncertain {
	crm_item_kind kind;
	int index;              /* input or line index */
	const char *name;       /* borrowed from the scenario */
	crm_dist dist;          /* for an event: CRM_DIST_NONE */
	double low, mode, high; /* triangular, pert, uniform; low/high also for normal, lognormal */
	double alpha, beta;     /* pert: Beta(alpha, beta) on [low, high] */
	double mu, sigma;       /* normal: mean, sd; lognormal: of the logarithm */
	double p;               /* event: probability */
} crm_uncertain;

/* The 95th percentile of the standard normal: low and high are mu -/+ this x sigma. */
#define CRM_Z95 1.6448536269514722

/*
 * Set up a distribution from a scenario range. A range with no dist is
 * triangular. low == high gives a constant.
 */
void crm_uncertain_init(crm_uncertain *u, crm_item_kind kind, int index, const char *name,
			const crm_range *range, double value);
/* One draw with GSL's samplers (gsl_ran_beta for PERT, and so on). */
double crm_uncertain_draw(const crm_uncertain *u, gsl_rng *r);
/* The quantile at u in (0, 1): for correlated and quasi-random sampling. */
double crm_uncertain_quantile(const crm_uncertain *u, double p);
/* Mean and variance of the distribution. */
double crm_uncertain_mean(const crm_uncertain *u);
double crm_uncertain_variance(const crm_uncertain *u);

/*
 * Every uncertain quantity of a scenario: inputs and line values with a range
 * (and a dist other than fixed), then events (lines with a probability below
 * 1). *items is malloc'd.
 */
crm_status crm_uncertain_list(const crm_scenario *sc, crm_uncertain **items, size_t *n,
			      crm_error *err);

/* ------------------------------------------------------------ correlation */

/*
 * The copula factor for the scenario's correlations: a matrix A with A A^T =
 * the Pearson correlation of normal scores, r = 2 sin(pi rho / 6), which gives
 * rank correlation rho. When the requested matrix is not positive
 * semi-definite, CRM_EDATA names inputs whose correlations conflict, located
 * at one of their correlation rows.
 */
typedef struct crm_copula {
	size_t m;               /* correlated items */
	size_t *item;           /* their positions in the item list */
	double *factor;         /* m x m, row-major */
} crm_copula;

crm_status crm_copula_init(crm_copula *c, const crm_scenario *sc, const crm_uncertain *items,
			   size_t nitems, crm_error *err);
void crm_copula_free(crm_copula *c);

/* -------------------------------------------------------------- simulation */

enum { CRM_SIM_NPV, CRM_SIM_ROI, CRM_SIM_IRR, CRM_SIM_PAYBACK, CRM_SIM_DPAYBACK,
       /* After tax (crmroi/aftertax.h): undefined in a scenario without tax_rate. */
       CRM_SIM_AFTER_TAX_NPV, CRM_SIM_AFTER_TAX_IRR, CRM_SIM_AFTER_TAX_PAYBACK,
       CRM_SIM_NMETRICS };

#define CRM_SIM_BLOCK 8192            /* draws per block: the unit of seeding and merging */
#define CRM_SIM_EXACT_MAX 1000000     /* values kept per metric for exact percentiles */
#define CRM_SIM_HIST_BINS 65536       /* bins for estimated percentiles beyond that */
#define CRM_SIM_RANK_MAX 100000       /* draws used for rank correlations */
#define CRM_SIM_NPCT 7

extern const double crm_sim_percentiles[CRM_SIM_NPCT];   /* 5, 10, 25, 50, 75, 90, 95 */

typedef struct crm_sim_options {
	uint64_t n;              /* draws, or the cap when precision > 0 */
	uint64_t seed;
	int jobs;                /* threads; results do not depend on it */
	double precision;        /* stop when the 95% half-width of mean NPV <= this x |mean|; 0: off */
	int metrics[CRM_SIM_NMETRICS];   /* which metrics to compute (NPV always) */
	int hist_bins;           /* bins of the reported histogram */
	uint64_t exact_max;      /* values kept for exact percentiles (0: CRM_SIM_EXACT_MAX) */
	/* Called in draw order with every block's draws (items and metrics, NaN when undefined). */
	int (*samples)(void *ctx, uint64_t first, size_t count, size_t nitems, const double *items,
		       const double *metrics);
	void *samples_ctx;
	/* Called now and then with draws done so far and the total planned. */
	void (*progress)(void *ctx, uint64_t done, uint64_t total);
	void *progress_ctx;
} crm_sim_options;

typedef struct crm_sim_metric {
	int computed;
	uint64_t defined, undefined;
	double mean, sd, sem, min, max;
	double pct[CRM_SIM_NPCT];
	int exact;               /* percentiles exact, or estimated from a histogram */
	double pct_accuracy;     /* when estimated: the histogram bin width */
	size_t nbins;            /* the reported histogram */
	double *bin_lo, *bin_hi;
	uint64_t *bin_count;
} crm_sim_metric;

typedef struct crm_sim_result {
	uint64_t iterations;
	double achieved_precision;   /* 95% half-width of mean NPV / |mean| */
	int stopped_early;           /* --precision reached before the cap */
	crm_sim_metric metric[CRM_SIM_NMETRICS];
	uint64_t npv_negative, payback_not_reached, model_undefined;
	size_t nitems;
	crm_uncertain *items;        /* owned */
	double *rank_corr;           /* nitems: Spearman with NPV; NaN when constant */
	uint64_t rank_draws;         /* draws the rank correlations use */
	int correlated;              /* the scenario has correlation rows */
} crm_sim_result;

crm_status crm_simulate(const crm_scenario *sc, const crm_sim_options *opt, crm_sim_result *res,
			crm_error *err);
void crm_sim_result_free(crm_sim_result *res);

/* ---------------------------------------------------- variance-based indices */

typedef struct crm_sobol_result {
	size_t nitems, n;            /* items, base sample size */
	crm_uncertain *items;        /* owned */
	double *first, *first_lo, *first_hi;   /* S_i with 95% bootstrap interval */
	double *total, *total_lo, *total_hi;   /* ST_i */
	double variance;             /* of NPV over the sample */
	const char *sequence;        /* "sobol" or "halton" */
	int ok;
	char note[300];              /* why there are no indices, when !ok */
} crm_sobol_result;

#define CRM_SOBOL_BOOTSTRAP 200

/*
 * First-order and total Sobol indices of NPV for every uncertain item,
 * treating them as independent: Saltelli's sampling scheme on a 2k-dimension
 * GSL Sobol sequence (Halton when 2k > 40), the Saltelli 2010 first-order and
 * Jansen total estimators, and bootstrap intervals. n base points: n (k + 2)
 * evaluations.
 */
crm_status crm_sobol(const crm_scenario *sc, size_t n, uint64_t seed, crm_sobol_result *res,
		     crm_error *err);
void crm_sobol_result_free(crm_sobol_result *res);

#endif
