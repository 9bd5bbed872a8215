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

#include "crmroi/analysis.h"
#include "crmroi/error.h"
#include "crmroi/sample.h"
#include "crmroi/scenario.h"

/* -------------------------------------------------------------- simulation */

enum { CRM_SIM_NPV, CRM_SIM_ROI, CRM_SIM_IRR, CRM_SIM_PAYBACK, CRM_SIM_DPAYBACK,
       /* After tax (crmroi/aftertax.h): undefined in a scenario without tax_rate. */
       CRM_SIM_AFTER_TAX_NPV, CRM_SIM_AFTER_TAX_IRR, CRM_SIM_AFTER_TAX_PAYBACK,
       /*
        * Peak funding by month: the lowest point of the monthly cumulative net
        * cash flow (<= 0, 0 when it never falls below 0), each draw's months
        * as its drawn inputs set them (crm_cashflow_month_net). Asked for, it
        * takes the full evaluation of every draw.
        */
       CRM_SIM_PEAK_FUNDING,
       CRM_SIM_NMETRICS };

#define CRM_SIM_BLOCK 8192            /* draws per block: the unit of seeding and merging */
#define CRM_SIM_EXACT_MAX 1000000     /* values kept per metric for exact percentiles */
#define CRM_SIM_HIST_BINS 65536       /* bins for estimated percentiles beyond that */
#define CRM_SIM_RANK_MAX 100000       /* draws used for rank correlations */
/* Values kept for rank correlations, at most: a model with many uncertain values uses fewer draws. */
#define CRM_SIM_RANK_VALUES (16 * 1000 * 1000)
#define CRM_SIM_NPCT 7
#define CRM_SIM_NTAIL 2               /* levels of value at risk and expected shortfall */
#define CRM_SIM_DRIVERS_TAIL 10.0     /* default levels, in percent: 5 and this */

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
	/*
	 * A reference NPV (the base case's, say): with has_reference, the result
	 * gives the share of draws whose NPV is below it, its percentile rank.
	 */
	int has_reference;
	double reference;
	/* Called now and then with draws done so far and the total planned. */
	void (*progress)(void *ctx, uint64_t done, uint64_t total);
	void *progress_ctx;
	/*
	 * The levels (in percent, ascending, above 0 and below 100) of value at
	 * risk and expected shortfall; 0, 0: 5 and 10. The drivers of the worst
	 * outcomes are those of the higher level.
	 */
	double tail_levels[CRM_SIM_NTAIL];
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
	crm_error first_undefined;   /* why the first draw whose model could not be evaluated
					failed (a division by zero, an overflow), when any */
	double p_npv_negative;       /* npv_negative / the draws with an NPV; NaN when none has one */
	double p_payback_not_reached;/* payback_not_reached / the draws with an NPV; NaN likewise */
	uint64_t npv_below_reference;
	uint64_t after_tax_negative; /* draws with an after-tax NPV below 0 */
	double p_after_tax_negative; /* of the draws with one; NaN when not computed or none */
	double reference_share;      /* draws with NPV below opt->reference / draws with an NPV;
					NaN without a reference */
	/*
	 * The bad case: at each level (in percent), the value at risk (NPV's
	 * percentile at the level: in that share of draws NPV is at most it) and
	 * the expected shortfall (the mean NPV of the worst level% of the draws
	 * with an NPV: the ceil(level% x draws) lowest). NaN when no draw has an
	 * NPV. From every value kept (tail_exact), or estimated from the
	 * histogram beyond CRM_SIM_EXACT_MAX draws, to about its bin width.
	 */
	double tail_level[CRM_SIM_NTAIL];
	double var[CRM_SIM_NTAIL], es[CRM_SIM_NTAIL];
	int tail_exact;
	/*
	 * With CRM_SIM_PEAK_FUNDING, the same of peak funding at the same levels:
	 * in that share of the draws the lowest point of the cumulative is at
	 * most peak_var (the program needs at least -peak_var), and the mean of
	 * those draws' lowest points is peak_es. NaN when not computed.
	 */
	double peak_var[CRM_SIM_NTAIL], peak_es[CRM_SIM_NTAIL];
	size_t nitems;
	crm_uncertain *items;        /* owned */
	/*
	 * What drives the worst outcomes: over the draws the rank correlations
	 * use, each item's mean in the worst tail_level[1]% by NPV (tail_draws of
	 * them) against its mean and standard deviation in all of them.
	 */
	double *tail_mean, *item_mean, *item_sd;   /* nitems each */
	uint64_t tail_draws;
	double *rank_corr;           /* nitems: Spearman with NPV; NaN when constant */
	uint64_t rank_draws;         /* draws the rank correlations use */
	int correlated;              /* the scenario has correlation rows */
} crm_sim_result;

crm_status crm_simulate(const crm_scenario *sc, const crm_sim_options *opt, crm_sim_result *res,
			crm_error *err);
void crm_sim_result_free(crm_sim_result *res);

/* ---------------------------------------------------- variance-based indices */

typedef struct crm_sobol_result {
	size_t nitems, n;            /* items with an index of their own, base sample size */
	crm_uncertain *items;        /* owned */
	size_t rest;                 /* crm_sobol_top: the other items, estimated together as one
					group at index nitems of the arrays below; 0 when none */
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
 * evaluations, the points and the bootstrap's resamples split between the
 * processors' threads (the points and resamples drawn in order first, so
 * the indices are the same whatever the number of threads).
 */
crm_status crm_sobol(const crm_scenario *sc, size_t n, uint64_t seed, crm_sobol_result *res,
		     crm_error *err);
/*
 * The same with at most `top` items of their own (0: every one): when there
 * are more, the `top` whose one-at-a-time swing of NPV (5th to 95th
 * percentile, the others at base) is largest keep their own indices and the
 * others are one group, whose indices are those of the group (a closed
 * first-order index, a total index), at res->nitems. The top items take the
 * quasi-random sequence, the group pseudo-random values: n (top + 3)
 * evaluations, so the cost grows with the model, not with the number of items
 * squared.
 */
crm_status crm_sobol_top(const crm_scenario *sc, size_t n, uint64_t seed, size_t top,
			 crm_sobol_result *res, crm_error *err);
void crm_sobol_result_free(crm_sobol_result *res);

#endif
