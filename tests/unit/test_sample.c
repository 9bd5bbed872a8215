/*
 * test_sample.c - the simulation's generator and column samplers.
 *
 * References, none of them crmroi's own code:
 *  - GSL's gsl_rng_taus2: each lane of the eight-stream generator must give
 *    exactly its numbers for that lane's seed;
 *  - analytic moments (triangular: (a + b + c) / 3 and (a^2 + b^2 + c^2 -
 *    ab - ac - bc) / 18; PERT: Beta(alpha, beta) on [a, b] with mean
 *    a + (b - a) alpha / (alpha + beta) and variance (b - a)^2 alpha beta /
 *    ((alpha + beta)^2 (alpha + beta + 1)); uniform, normal, lognormal from
 *    their textbook formulas), within stated multiples of the standard error;
 *  - tail probabilities of the normal from GSL's gsl_cdf_ugaussian_Q;
 *  - the Kolmogorov-Smirnov distance between the sample and the analytic
 *    distribution function (GSL's gsl_cdf_beta_P, gsl_cdf_gaussian_P,
 *    gsl_cdf_lognormal_P; the triangular one by its formula), below the
 *    0.1% critical value 1.95 / sqrt(n).
 * A fixed seed makes every run identical, so a pass is not luck that varies.
 */
#include "testutil.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <stdlib.h>

/* The generator is internal to libcrmroi; tested here directly. */
#include "../../src/core/rng.h"

#define N 400000
#define COLUMN 256


/* Every lane of the eight-stream generator is gsl_rng_taus2 with the lane's seed. */
static void test_lanes_are_gsl_taus2(void **state)
{
	(void)state;
	const unsigned long seeds[] = { 0, 1, 42, 1099511627779UL, 18446744073709551615UL };
	enum { STEPS = 3000 };

	for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
		gsl_rng *r = gsl_rng_alloc(crm_rng_taus2x8);
		assert_non_null(r);
		gsl_rng_set(r, seeds[s]);
		unsigned long *got = malloc(STEPS * CRM_RNG_LANES * sizeof *got);
		assert_non_null(got);
		for (int i = 0; i < STEPS * CRM_RNG_LANES; i++)
			got[i] = gsl_rng_get(r);
		for (int k = 0; k < CRM_RNG_LANES; k++) {
			gsl_rng *g = gsl_rng_alloc(gsl_rng_taus2);
			gsl_rng_set(g, crm_rng_lane_seed(seeds[s], k));
			for (int i = 0; i < STEPS; i++)
				assert_int_equal(got[i * CRM_RNG_LANES + k], gsl_rng_get(g));
			gsl_rng_free(g);
		}
		/* Lanes differ from one another. */
		assert_true(got[0] != got[1] && got[1] != got[2]);
		free(got);
		gsl_rng_free(r);
	}
}

/* Uniforms by the column, one at a time and through GSL are one sequence. */
static void test_fill_next_and_gsl_agree(void **state)
{
	(void)state;
	gsl_rng *a = gsl_rng_alloc(crm_rng_taus2x8), *b = gsl_rng_alloc(crm_rng_taus2x8);
	gsl_rng *c = gsl_rng_alloc(crm_rng_taus2x8);
	gsl_rng_set(a, 9);
	gsl_rng_set(b, 9);
	gsl_rng_set(c, 9);
	double x[1000];
	for (int round = 0; round < 7; round++) {
		size_t n = (size_t)(round * 151 % 1000) + 1;
		crm_rng_fill(a, x, n);
		for (size_t j = 0; j < n; j++) {
			double y = j % 2 ? crm_rng_next(b) : gsl_rng_uniform(b);
			assert_true(x[j] == y);
			assert_true(x[j] == gsl_rng_get(c) / 4294967296.0);
			assert_true(x[j] >= 0 && x[j] < 1);
		}
	}
	gsl_rng_free(a);
	gsl_rng_free(b);
	gsl_rng_free(c);
}

/* The distribution function of u at x, from GSL or the textbook formula. */
static double cdf(const crm_uncertain *u, double x)
{
	double a = u->low, c = u->mode, b = u->high;
	switch (u->dist) {
	case CRM_DIST_TRIANGULAR:
		if (x <= a)
			return 0;
		if (x >= b)
			return 1;
		if (x <= c)
			return (x - a) * (x - a) / ((b - a) * (c - a));
		return 1 - (b - x) * (b - x) / ((b - a) * (b - c));
	case CRM_DIST_PERT:
		return gsl_cdf_beta_P((x - a) / (b - a), u->alpha, u->beta);
	case CRM_DIST_UNIFORM:
		return x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a);
	case CRM_DIST_NORMAL:
		return gsl_cdf_gaussian_P(x - u->mu, u->sigma);
	case CRM_DIST_LOGNORMAL:
		return gsl_cdf_lognormal_P(x, u->mu, u->sigma);
	default:
		return NAN;
	}
}

/*
 * N draws of u by the column: mean within 5 standard errors of the analytic
 * one, variance within 5 of its standard errors (from the analytic fourth
 * moment's bound: kurtosis at most 9 for these shapes), and the
 * Kolmogorov-Smirnov distance to the analytic distribution below its 0.1%
 * critical value.
 */
static void check_sampler(const crm_uncertain *u, double mean, double var, unsigned long seed)
{
	crm_sampler *s = crm_sampler_new(u);
	assert_non_null(s);
	gsl_rng *r = gsl_rng_alloc(crm_rng_taus2x8);
	gsl_rng_set(r, seed);
	double *x = malloc(N * sizeof *x);
	assert_non_null(x);
	for (size_t j = 0; j < N; j += COLUMN)
		crm_sampler_draw(s, r, x + j, N - j < COLUMN ? N - j : COLUMN);
	for (size_t j = 0; j < N; j++)
		if (u->dist != CRM_DIST_NORMAL && u->dist != CRM_DIST_LOGNORMAL)
			assert_true(x[j] >= u->low && x[j] <= u->high);
	double m = gsl_stats_mean(x, 1, N), v = gsl_stats_variance(x, 1, N);
	assert_close(m, mean, 0, 5 * sqrt(var / N));
	assert_close(v, var, 0, 5 * var * sqrt(8.0 / N));
	gsl_sort(x, 1, N);
	double d = 0;
	for (size_t j = 0; j < N; j++) {
		double f = cdf(u, x[j]);
		double lo = f - (double)j / N, hi = (double)(j + 1) / N - f;
		d = lo > d ? lo : d;
		d = hi > d ? hi : d;
	}
	if (!(d < 1.95 / sqrt((double)N)))
		fail_msg("Kolmogorov-Smirnov distance %g for dist %d (critical %g)", d, (int)u->dist,
			 1.95 / sqrt((double)N));
	free(x);
	gsl_rng_free(r);
	crm_sampler_free(s);
}

static void test_column_samplers(void **state)
{
	(void)state;
	crm_uncertain u;
	u = dist_of(CRM_DIST_TRIANGULAR, 10, 20, 60);
	check_sampler(&u, 30.0, 116.666666666666666666666666667, 1);
	u = dist_of(CRM_DIST_TRIANGULAR, 100, 100, 200);
	check_sampler(&u, 133.333333333333333333333333333, 555.555555555555555555555555556, 2);
	u = dist_of(CRM_DIST_TRIANGULAR, 0.03, 0.08, 0.08);
	check_sampler(&u, 0.0633333333333333333333333333333, 0.000138888888888888888888888889, 3);
	/* PERT: Beta(2, 4) on [10, 60]: mean 25, variance (mu - a)(b - mu) / 7 = 75. */
	u = dist_of(CRM_DIST_PERT, 10, 20, 60);
	check_sampler(&u, 25.0, 75.0, 4);
	/* Beta(1, 5): the mode at the low end, the density highest there. */
	u = dist_of(CRM_DIST_PERT, 100, 100, 200);
	check_sampler(&u, 116.666666666666666666666666667, 198.412698412698412698412698413, 5);
	/* Beta(5, 1): the mode at the high end. */
	u = dist_of(CRM_DIST_PERT, 0, 1, 1);
	check_sampler(&u, 0.833333333333333333333333333333, 0.0198412698412698412698412698413, 6);
	u = dist_of(CRM_DIST_PERT, 0.03, 0.05, 0.08);   /* the bench's Beta(2.6, 3.4) */
	check_sampler(&u, 0.0516666666666666666666666666667, 0.0000876984126984126984126984127, 7);
	u = dist_of(CRM_DIST_UNIFORM, -3, 2, 7);
	check_sampler(&u, 2.0, 8.33333333333333333333333333333, 8);
	u = dist_of(CRM_DIST_NORMAL, 90, 100, 110);
	check_sampler(&u, 100.0, pow(10 / CRM_Z95, 2), 9);
	u = dist_of(CRM_DIST_LOGNORMAL, exp(4.6 - CRM_Z95 * 0.25), 100, exp(4.6 + CRM_Z95 * 0.25));
	check_sampler(&u, 102.642286813125067546606338704, 679.477440490574957579765932735, 10);
}

/*
 * A triangular column is the inverse distribution function of the
 * generator's uniforms (crm_uncertain_quantile, written apart), four lanes at
 * a time or one: the same value within rounding.
 */
static void test_triangular_is_inversion(void **state)
{
	(void)state;
	crm_uncertain u = dist_of(CRM_DIST_TRIANGULAR, -7.5, 2.25, 40);
	crm_sampler *s = crm_sampler_new(&u);
	gsl_rng *r = gsl_rng_alloc(crm_rng_taus2x8);
	gsl_rng_set(r, 77);
	for (int round = 0; round < 50; round++) {
		size_t n = (size_t)(round % 9) + (round % 3 ? 250 : 1);
		double x[COLUMN + 16], p[COLUMN + 16];
		gsl_rng *c = gsl_rng_clone(r);
		crm_sampler_draw(s, r, x, n);
		crm_rng_fill(c, p, n);
		for (size_t j = 0; j < n; j++)
			assert_close(x[j], crm_uncertain_quantile(&u, p[j]), 4e-16, 1e-14);
		gsl_rng_free(c);
	}
	gsl_rng_free(r);
	crm_sampler_free(s);
	/* Events happen with their probability: 30% within 5 standard errors. */
	crm_uncertain e;
	memset(&e, 0, sizeof e);
	e.kind = CRM_ITEM_EVENT;
	e.p = 0.3;
	s = crm_sampler_new(&e);
	r = gsl_rng_alloc(crm_rng_taus2x8);
	gsl_rng_set(r, 78);
	double x[COLUMN], hits = 0;
	for (int k = 0; k < 1000; k++) {
		crm_sampler_draw(s, r, x, COLUMN);
		for (int j = 0; j < COLUMN; j++) {
			assert_true(x[j] == 0 || x[j] == 1);
			hits += x[j];
		}
	}
	assert_close(hits / (1000.0 * COLUMN), 0.3, 0, 5 * sqrt(0.21 / (1000.0 * COLUMN)));
	gsl_rng_free(r);
	crm_sampler_free(s);
}

/*
 * The ziggurat's tail, its wedges and its layers: among 4,000,000 standard
 * normals, the share beyond the base layer's edge R = 3.442619855899 (drawn
 * by the tail method), beyond 4 and within 2, each within 5 standard errors
 * of its value from GSL's gsl_cdf_ugaussian_Q; the second moment within 5
 * standard errors (sqrt(2 / n)) of 1 (a wedge accepted whole would put it
 * 15 standard errors off); the two signs equally often.
 */
static void test_normal_tails(void **state)
{
	(void)state;
	enum { M = 4000000 };
	crm_uncertain u = dist_of(CRM_DIST_NORMAL, -CRM_Z95, 0, CRM_Z95);   /* mean 0, sd 1 */
	crm_sampler *s = crm_sampler_new(&u);
	gsl_rng *r = gsl_rng_alloc(crm_rng_taus2x8);
	gsl_rng_set(r, 31);
	double x[COLUMN];
	long beyond_r = 0, beyond_4 = 0, within_2 = 0, negative = 0;
	double m2 = 0;
	for (int k = 0; k < M / COLUMN; k++) {
		crm_sampler_draw(s, r, x, COLUMN);
		for (int j = 0; j < COLUMN; j++) {
			beyond_r += fabs(x[j]) > 3.442619855899;
			beyond_4 += fabs(x[j]) > 4;
			within_2 += fabs(x[j]) < 2;
			m2 += x[j] * x[j];
			negative += x[j] < 0;
		}
	}
	double n = (double)(M / COLUMN * COLUMN);
	double pr = 2 * gsl_cdf_ugaussian_Q(3.442619855899), p4 = 2 * gsl_cdf_ugaussian_Q(4);
	assert_close(beyond_r / n, pr, 0, 5 * sqrt(pr * (1 - pr) / n));
	assert_close(beyond_4 / n, p4, 0, 5 * sqrt(p4 * (1 - p4) / n));
	double p2 = 1 - 2 * gsl_cdf_ugaussian_Q(2);
	assert_close(within_2 / n, p2, 0, 5 * sqrt(p2 * (1 - p2) / n));
	assert_close(m2 / n, 1.0, 0, 5 * sqrt(2 / n));
	assert_close(negative / n, 0.5, 0, 5 * sqrt(0.25 / n));
	gsl_rng_free(r);
	crm_sampler_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lanes_are_gsl_taus2),
		cmocka_unit_test(test_fill_next_and_gsl_agree),
		cmocka_unit_test(test_column_samplers),
		cmocka_unit_test(test_triangular_is_inversion),
		cmocka_unit_test(test_normal_tails),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
