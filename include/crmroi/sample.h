/*
 * crmroi/sample.h - distributions of uncertain values, and the Gaussian
 * copula that imposes rank correlations on them.
 *
 * This is the draw stage of a simulation (crmroi/simulate.h) and of the
 * variance-based indices: it knows the scenario's ranges and GSL's random
 * number generators, and nothing of the engine that uses it.
 */
#ifndef CRMROI_SAMPLE_H
#define CRMROI_SAMPLE_H

#include <stddef.h>

#include <gsl/gsl_rng.h>

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
/*
 * The cumulative probability at x, P(value <= x): the probability integral
 * transform of a realised value (for an event, of 0 or 1).
 */
double crm_uncertain_cdf(const crm_uncertain *u, double x);
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
	char *in;               /* per item: 1 when it is drawn through the copula; NULL when m = 0 */
} crm_copula;

crm_status crm_copula_init(crm_copula *c, const crm_scenario *sc, const crm_uncertain *items,
			   size_t nitems, crm_error *err);
void crm_copula_free(crm_copula *c);


/*
 * A sampler draws one item a column of draws at a time, for a simulation:
 * the same distributions as crm_uncertain_draw, by methods that cost less
 * per draw (a triangular value by inversion with one root; a PERT value by
 * rejection from a step hat over 256 strips, with the strip picked by GSL's
 * alias table: exact Beta, three uniforms an attempt and about one attempt a
 * draw, where gsl_ran_beta takes two gamma variates; a normal by the ziggurat,
 * GSL's method, reading the generator's buffer a column at a time; a
 * lognormal's exponential by glibc's vector exp), so the numbers differ
 * from crm_uncertain_draw's. NULL
 * on no memory. A sampler is read-only once made: threads may share it.
 */
typedef struct crm_sampler crm_sampler;
crm_sampler *crm_sampler_new(const crm_uncertain *u);
void crm_sampler_free(crm_sampler *s);
void crm_sampler_draw(const crm_sampler *s, gsl_rng *r, double *x, size_t n);

/*
 * n draws of every item, by columns: item t's n values at cols + t x stride.
 * The independent items are drawn a column at a time in item order, by their
 * samplers, then each draw's correlated items by inversion of copula
 * normals. g is scratch of c->m doubles. The values depend only on r's
 * state, n and the items.
 */
void crm_uncertain_draw_columns(const crm_uncertain *items, crm_sampler *const *samplers,
				size_t nitems, const crm_copula *c, gsl_rng *r, double *g,
				double *cols, size_t stride, size_t n);

#endif
