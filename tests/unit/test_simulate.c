/*
 * test_simulate.c - distributions, correlated sampling, the Monte Carlo
 * engine and Sobol indices, against analytic values.
 *
 * Source of expected values: ../shared/oracle/analytic_refs.py (mpmath, 30
 * digits): moments of triangular, Beta-PERT (lambda 4), uniform and
 * lognormal distributions, and the first-order and total Sobol indices of the
 * linear model Y = 2 X1 + X2 + 0.5 X3, X1 ~ U(0,1), X2 ~ N(0,1), X3 ~
 * Tri(0,1,2). Sampled statistics are compared within stated multiples of
 * their standard errors; a fixed seed makes every run identical.
 */
#include "testutil.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <stdlib.h>

/* The engine's order statistics are internal to libcrmroi; tested here directly. */
#include "../../src/core/simstats.h"

#define DRAWS 400000


/* Sampled mean within 5 standard errors, variance within 4% (about 5 of its SEs here). */
static void check_moments(const crm_uncertain *u, double mean, double var, gsl_rng *r)
{
	double *x = malloc(DRAWS * sizeof *x);
	assert_non_null(x);
	for (size_t i = 0; i < DRAWS; i++)
		x[i] = crm_uncertain_draw(u, r);
	double m = gsl_stats_mean(x, 1, DRAWS), v = gsl_stats_variance(x, 1, DRAWS);
	assert_close(m, mean, 0, 5 * sqrt(var / DRAWS));
	assert_close(v, var, 0.04, 0);
	/* The analytic moments the code reports agree with the oracle exactly. */
	assert_close(crm_uncertain_mean(u), mean, 1e-12, 1e-15);
	assert_close(crm_uncertain_variance(u), var, 1e-12, 1e-15);
	/* Quantiles invert the distribution: the mean of F^-1(U) over a fine grid. */
	double qm = 0;
	for (int i = 0; i < 20000; i++)
		qm += crm_uncertain_quantile(u, (i + 0.5) / 20000);
	assert_close(qm / 20000, mean, 0, 0.002 * sqrt(var) + 1e-9);
	free(x);
}

static void test_distribution_moments(void **state)
{
	(void)state;
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 20261122);
	crm_uncertain u;
	u = dist_of(CRM_DIST_TRIANGULAR, 10, 20, 60);
	check_moments(&u, 30.0, 116.666666666666666666666666667, r);
	u = dist_of(CRM_DIST_TRIANGULAR, 100, 100, 200);
	check_moments(&u, 133.333333333333333333333333333, 555.555555555555555555555555556, r);
	u = dist_of(CRM_DIST_NONE, -5, 0, 5);   /* a range with no dist is triangular */
	check_moments(&u, 0.0, 4.16666666666666666666666666667, r);
	/* PERT variance is (mu - a)(b - mu) / 7, not ((b - a) / 6)^2 = 69.44. */
	u = dist_of(CRM_DIST_PERT, 10, 20, 60);
	check_moments(&u, 25.0, 75.0, r);
	u = dist_of(CRM_DIST_PERT, 100, 100, 200);
	check_moments(&u, 116.666666666666666666666666667, 198.412698412698412698412698413, r);
	u = dist_of(CRM_DIST_PERT, 0, 0.5, 1);
	check_moments(&u, 0.5, 0.0357142857142857142857142857143, r);
	u = dist_of(CRM_DIST_UNIFORM, -3, 2, 7);
	check_moments(&u, 2.0, 8.33333333333333333333333333333, r);
	/* lognormal(zeta = 4.6, sigma = 0.25): 5th and 95th percentiles exp(4.6 -/+ z95 x 0.25). */
	u = dist_of(CRM_DIST_LOGNORMAL, exp(4.6 - CRM_Z95 * 0.25), 100, exp(4.6 + CRM_Z95 * 0.25));
	assert_close(u.mu, 4.6, 1e-14, 0);
	assert_close(u.sigma, 0.25, 1e-14, 0);
	check_moments(&u, 102.642286813125067546606338704, 679.477440490574957579765932735, r);
	/* normal with P5 = 90, P95 = 110: mean 100, sd 10 / z95. */
	u = dist_of(CRM_DIST_NORMAL, 90, 100, 110);
	check_moments(&u, 100.0, pow(10 / CRM_Z95, 2), r);
	gsl_rng_free(r);
}

struct collect {
	size_t nitems, n;
	double *items, *npv;
};

static int collect(void *ctx, uint64_t first, size_t count, size_t nitems, const double *items,
		   const double *metrics)
{
	struct collect *c = ctx;
	for (size_t i = 0; i < count; i++) {
		memcpy(c->items + (first + i) * nitems, items + i * nitems, nitems * sizeof(double));
		c->npv[first + i] = metrics[i * CRM_SIM_NMETRICS + CRM_SIM_NPV];
	}
	c->n = first + count;
	c->nitems = nitems;
	return 0;
}

static crm_sim_options options(uint64_t n, int jobs)
{
	crm_sim_options o;
	memset(&o, 0, sizeof o);
	o.n = n;
	o.seed = 42;
	o.jobs = jobs;
	o.metrics[CRM_SIM_NPV] = o.metrics[CRM_SIM_ROI] = o.metrics[CRM_SIM_IRR] = 1;
	o.metrics[CRM_SIM_PAYBACK] = 1;
	o.hist_bins = 10;
	return o;
}

static const char *corr_text =
	"kind,name,value,low,high,dist,timing\n"
	"input,a,50,20,100,pert\n"
	"input,b,100,60,140,lognormal\n"
	"input,c,5,0,10,uniform\n"
	"correlation,a|b,0.6\ncorrelation,b|c,-0.3\n"
	"cost,Set-up,20000\nbenefit,Sales,a * 100 + b * 50 + c * 10,,,,yearly\n";

static void test_correlated_sampling(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(corr_text);
	crm_sim_options o = options(100000, 2);
	crm_sim_result res;
	crm_error err;
	struct collect c = { 0, 0, malloc(100000 * 3 * sizeof(double)), malloc(100000 * sizeof(double)) };
	o.samples = collect;
	o.samples_ctx = &c;
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
	assert_int_equal(c.n, 100000);
	double *x = malloc(100000 * sizeof *x), *y = malloc(100000 * sizeof *y);
	double *work = malloc(200000 * sizeof *work);
	for (size_t i = 0; i < c.n; i++) {
		x[i] = c.items[i * 3];
		y[i] = c.items[i * 3 + 1];
	}
	/* Requested rank correlations within 0.02 on 100,000 draws. */
	assert_close(gsl_stats_spearman(x, 1, y, 1, c.n, work), 0.6, 0, 0.02);
	for (size_t i = 0; i < c.n; i++)
		x[i] = c.items[i * 3 + 2];
	assert_close(gsl_stats_spearman(y, 1, x, 1, c.n, work), -0.3, 0, 0.02);
	for (size_t i = 0; i < c.n; i++)
		y[i] = c.items[i * 3];
	assert_close(gsl_stats_spearman(y, 1, x, 1, c.n, work), 0.0, 0, 0.02);
	/* Marginals stay as specified: PERT(20, 50, 100) mean (20 + 4 x 50 + 100) / 6,
	 * variance (mu - a)(b - mu) / 7. */
	double mu = 160.0 / 3;
	assert_close(gsl_stats_mean(y, 1, c.n), mu, 0, 5 * sqrt((mu - 20) * (100 - mu) / 7 / 1e5));
	assert_close(gsl_stats_variance(y, 1, c.n), (mu - 20) * (100 - mu) / 7, 0.04, 0);
	for (size_t i = 0; i < c.n; i++)
		y[i] = c.items[i * 3 + 2];
	assert_close(gsl_stats_mean(y, 1, c.n), 5, 0, 5 * sqrt(100.0 / 12 / 1e5));
	assert_close(gsl_stats_variance(y, 1, c.n), 100.0 / 12, 0.04, 0);
	free(x);
	free(y);
	free(work);
	free(c.items);
	free(c.npv);
	assert_true(res.correlated);
	crm_sim_result_free(&res);
	crm_scenario_free(sc);
}

static void test_correlation_conflict(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,value,low,high\n"
		"input,a,5,1,9\ninput,b,5,1,9\ninput,c,5,1,9\ninput,d,5,1,9\n"
		"correlation,a|b,0.9\ncorrelation,b|c,0.9\ncorrelation,a|c,-0.9\ncorrelation,c|d,0.1\n"
		"benefit,B,a + b + c + d\n");
	crm_sim_options o = options(1000, 1);
	crm_sim_result res;
	crm_error err;
	crm_error_clear(&err);
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_EDATA);
	assert_contains(err.msg, "the correlations of a, b and c contradict each other");
	assert_int_equal(err.line, 6);
	crm_scenario_free(sc);
}

/* Every statistic of two results, bit for bit. */
static void expect_same(const crm_sim_result *a, const crm_sim_result *b)
{
	assert_int_equal(a->iterations, b->iterations);
	for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
		const crm_sim_metric *x = &a->metric[k], *y = &b->metric[k];
		assert_int_equal(x->defined, y->defined);
		assert_memory_equal(&x->mean, &y->mean, sizeof x->mean);
		assert_memory_equal(&x->sd, &y->sd, sizeof x->sd);
		assert_memory_equal(x->pct, y->pct, sizeof x->pct);
	}
	assert_memory_equal(a->rank_corr, b->rank_corr, a->nitems * sizeof(double));
	assert_int_equal(a->npv_negative, b->npv_negative);
}

static void test_same_seed_same_result_any_jobs(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(corr_text);
	crm_sim_options o = options(50000, 1);
	crm_sim_result r1, r3, other;
	crm_error err;
	assert_int_equal(crm_simulate(sc, &o, &r1, &err), CRM_OK);
	o.jobs = 3;
	assert_int_equal(crm_simulate(sc, &o, &r3, &err), CRM_OK);
	expect_same(&r1, &r3);
	o.seed = 43;
	assert_int_equal(crm_simulate(sc, &o, &other, &err), CRM_OK);
	assert_true(other.metric[CRM_SIM_NPV].mean != r1.metric[CRM_SIM_NPV].mean);
	crm_sim_result_free(&r1);
	crm_sim_result_free(&r3);
	crm_sim_result_free(&other);
	crm_scenario_free(sc);
}

/*
 * The oracle's linear model as a scenario: NPV = 2 X1 + X2 + 0.5 X3 booked at
 * month 0 (not discounted), X1 ~ U(0,1), X2 ~ N(0,1) (5th and 95th percentiles
 * -/+ 1.6448536269514722), X3 ~ Tri(0,1,2).
 */
static const char *linear_text =
	"kind,name,value,low,high,dist,timing\n"
	"input,x1,0.5,0,1,uniform\n"
	"input,x2,0,-1.6448536269514722,1.6448536269514722,normal\n"
	"input,x3,1,0,2,triangular\n"
	"benefit,Y,2 * x1 + x2 + 0.5 * x3,,,,once\n";

static void test_npv_distribution_linear(void **state)
{
	(void)state;
	/* NPV = Initial benefit 2 X1 + X2 + 0.5 X3 (month 0: not discounted), with the
	 * oracle's linear model: mean 2 x 0.5 + 0 + 0.5 x 1 = 1.5, variance 1.375. */
	crm_scenario *sc = load_text(linear_text);
	crm_sim_options o = options(200000, 2);
	crm_sim_result res;
	crm_error err;
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
	const crm_sim_metric *m = &res.metric[CRM_SIM_NPV];
	assert_int_equal(m->defined, 200000);
	assert_close(m->mean, 1.5, 0, 5 * sqrt(1.375 / 2e5));
	assert_close(m->sd * m->sd, 1.375, 0.03, 0);
	assert_close(m->sem, m->sd / sqrt(2e5), 1e-12, 0);
	assert_true(m->exact);
	assert_true(m->min <= m->pct[0] && m->pct[6] <= m->max);
	/* P50 of a symmetric sum about 1.5. */
	assert_close(m->pct[3], 1.5, 0, 0.02);
	/* ROI, IRR and payback are undefined: there are no costs and no investment. */
	assert_int_equal(res.metric[CRM_SIM_ROI].defined, 0);
	assert_int_equal(res.metric[CRM_SIM_IRR].undefined, 200000);
	uint64_t total = 0;
	for (size_t i = 0; i < m->nbins; i++)
		total += m->bin_count[i];
	assert_int_equal(total, 200000);
	/* Rank correlation with NPV is strongest for x2, which has the most variance. */
	assert_true(res.rank_corr[1] > res.rank_corr[0] && res.rank_corr[0] > res.rank_corr[2]);
	crm_sim_result_free(&res);
	crm_scenario_free(sc);
}

/*
 * The percentile rank of a reference NPV: NPV = 1000 x - 30000 with x uniform
 * on 0..100, so P(NPV < 20000) = P(x < 50) = 1/2 and P(NPV < -10000) =
 * P(x < 20) = 1/5 (analytic); within 5 standard errors of a proportion.
 */
static void test_reference_share(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,low,high,dist,timing\n"
				     "input,x,50,0,100,uniform,\n"
				     "cost,Set-up,30000,,,,once\n"
				     "benefit,Y,1000 * x,,,,once\n");
	static const double ref[] = { 20000, -10000 }, want[] = { 0.5, 0.2 };
	for (int k = 0; k < 2; k++) {
		crm_sim_options o = options(100000, 2);
		crm_sim_result res;
		crm_error err;
		o.has_reference = 1;
		o.reference = ref[k];
		assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
		assert_close(res.reference_share, want[k], 0, 5 * sqrt(want[k] * (1 - want[k]) / 1e5));
		assert_close(res.p_npv_negative, 0.3, 0, 5 * sqrt(0.21 / 1e5));
		crm_sim_result_free(&res);
	}
	/* Without a reference, the share is not a number. */
	crm_sim_options o = options(1000, 1);
	crm_sim_result res;
	crm_error err;
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
	assert_true(isnan(res.reference_share));
	crm_sim_result_free(&res);
	crm_scenario_free(sc);
}

static void test_histogram_percentiles(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(corr_text);
	crm_sim_options o = options(60000, 2);
	crm_sim_result exact, est;
	crm_error err;
	assert_int_equal(crm_simulate(sc, &o, &exact, &err), CRM_OK);
	o.exact_max = 10000;   /* keep 10,000 values; bin the other 50,000 */
	assert_int_equal(crm_simulate(sc, &o, &est, &err), CRM_OK);
	const crm_sim_metric *a = &exact.metric[CRM_SIM_NPV], *b = &est.metric[CRM_SIM_NPV];
	assert_true(a->exact);
	assert_false(b->exact);
	assert_true(b->pct_accuracy > 0);
	for (int q = 0; q < CRM_SIM_NPCT; q++)
		assert_close(b->pct[q], a->pct[q], 0, 2 * b->pct_accuracy);
	assert_memory_equal(&a->mean, &b->mean, sizeof a->mean);
	crm_sim_result_free(&exact);
	crm_sim_result_free(&est);
	crm_scenario_free(sc);
}

static void test_precision_stop(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(corr_text);
	crm_sim_options o = options(5000000, 2);
	crm_sim_result res;
	crm_error err;
	/* NPV here has a mean near 5,900 and an sd near 4,000: 1% takes some 18,000 draws. */
	o.precision = 0.01;
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
	assert_true(res.stopped_early);
	assert_true(res.iterations < 5000000);
	assert_int_equal(res.iterations % CRM_SIM_BLOCK, 0);
	assert_true(res.achieved_precision <= 0.01);
	const crm_sim_metric *m = &res.metric[CRM_SIM_NPV];
	assert_close(1.959963984540054 * m->sem / fabs(m->mean), res.achieved_precision, 1e-9, 0);
	crm_sim_result_free(&res);
	crm_scenario_free(sc);
}

static void test_events(void **state)
{
	(void)state;
	/* A 30% chance of a 1000 cost at month 0: P(NPV < 0) = 0.3 when benefits are 500. */
	crm_scenario *sc = load_text("kind,name,value,timing,probability\n"
				     "cost,Overrun,1000,once,30%\nbenefit,B,500,once\n");
	crm_sim_options o = options(100000, 2);
	crm_sim_result res;
	crm_error err;
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
	assert_int_equal(res.nitems, 1);
	assert_close((double)res.npv_negative / 1e5, 0.3, 0, 5 * sqrt(0.21 / 1e5));
	assert_close(res.metric[CRM_SIM_NPV].mean, 500 - 300, 0, 5 * 1000 * sqrt(0.21 / 1e5));
	crm_sim_result_free(&res);
	crm_scenario_free(sc);
}

/* The short way (crm_model_summary) agrees with the full evaluation, draw by draw. */
static crm_scenario *load_file_or_fail(const char *full)
{
	crm_error err;
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_load(full, &err);
	if (!sc) {
		print_error("%s: %s\n", full, err.msg);
		fail();
	}
	return sc;
}

/* Draw x of item u set into the model, as the simulation sets it for a draw evaluated alone. */
static void set_item(crm_model *m, const crm_uncertain *u, double x)
{
	if (u->kind == CRM_ITEM_INPUT)
		crm_model_override(m, (size_t)u->index, x);
	else if (u->kind == CRM_ITEM_LINE)
		crm_model_override_line(m, (size_t)u->index, x);
	else
		crm_model_set_occurs(m, (size_t)u->index, x > 0.5);
}

/* The batch's input, line and event columns: item t's draws at cols + t x stride. */
static void bind_columns(const crm_uncertain *items, size_t n, const double *cols, size_t stride,
			 const double **in, const double **line, const double **occ)
{
	for (size_t t = 0; t < n; t++) {
		const double *c = cols + t * stride;
		if (items[t].kind == CRM_ITEM_INPUT)
			in[items[t].index] = c;
		else if (items[t].kind == CRM_ITEM_LINE)
			line[items[t].index] = c;
		else
			occ[items[t].index] = c;
	}
}

static void check_summary(const char *path)
{
	crm_error err;
	char full[1024];
	snprintf(full, sizeof full, "%s/%s", TEST_SRCDIR, path);
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_load(full, &err);
	assert_non_null(sc);
	crm_model *m = crm_model_new(sc, &err);
	crm_cashflow *cf = crm_cashflow_new(m);
	crm_uncertain *items;
	size_t n;
	assert_int_equal(crm_uncertain_list(sc, &items, &n, &err), CRM_OK);
	assert_true(crm_model_summary_fast(m));
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 7);
	int compared = 0;
	for (int d = 0; d < 300; d++) {
		for (size_t t = 0; t < n; t++) {
			double x = crm_uncertain_draw(&items[t], r);
			/* A drawn month (timing from inputs) leaves every draw to the full evaluation. */
			if (items[t].kind == CRM_ITEM_INPUT && sc->inputs[items[t].index].timing)
				continue;
			set_item(m, &items[t], x);
		}
		crm_summary s;
		crm_status st = crm_model_summary(m, cf, 1, 1, &s, &err);
		assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
		if (st == CRM_EUSAGE)
			continue;   /* undecided: the caller evaluates in full, as here */
		assert_int_equal(st, CRM_OK);
		compared++;
		crm_payback pb, dpb;
		size_t np = (size_t)cf->nperiods + 1;
		crm_payback_compute(cf->net, np, cf->months_per_period, &pb);
		crm_payback_compute(cf->pv_net, np, cf->months_per_period, &dpb);
		double pvc = 0;
		for (size_t p = 0; p < np; p++)
			pvc += cf->costs[p] * cf->df[p];
		assert_close(s.npv, cf->cumulative_pv[np - 1], 1e-12, 1e-6);
		assert_close(s.pv_costs, pvc, 1e-12, 1e-6);
		assert_int_equal(s.payback_reached, pb.status == CRM_PAYBACK_REACHED);
		assert_int_equal(s.dpayback_reached, dpb.status == CRM_PAYBACK_REACHED);
		if (s.payback_reached)
			assert_close(s.payback_months, pb.months, 1e-9, 0);
		if (s.dpayback_reached)
			assert_close(s.dpayback_months, dpb.months, 1e-9, 0);
	}
	/* Undecided draws (a cumulative sum within rounding of 0) are rare. */
	assert_true(compared >= 290);
	gsl_rng_free(r);
	free(items);
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_scenario_free(sc);
}

static void test_summary_matches_full_evaluation(void **state)
{
	(void)state;
	check_summary("scenarios/bench/montecarlo_bench.csv");
	check_summary("scenarios/midsize_business_case.csv");
	check_summary("tests/cli/data/risky.csv");
	check_summary("scenarios/deployment/conservative.csv");
	/* A model whose values vary by period cannot take the short way. */
	crm_scenario *sc = load_text("kind,name,value,timing\ninput,g,year * 100\nbenefit,B,g,yearly\n");
	crm_error err;
	crm_model *m = crm_model_new(sc, &err);
	crm_cashflow *cf = crm_cashflow_new(m);
	crm_summary s;
	assert_false(crm_model_summary_fast(m));
	assert_int_equal(crm_model_summary(m, cf, 1, 1, &s, &err), CRM_EUSAGE);
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_scenario_free(sc);
}

/*
 * The batch evaluator (many draws at once) gives, draw by draw, what
 * crm_model_summary gives for the same overrides, to the last bit, and
 * leaves to the caller exactly the draws crm_model_summary cannot decide.
 */
static int check_batch(crm_scenario *sc)
{
	enum { B = 256, ROUNDS = 6 };
	crm_error err;
	crm_model *m = crm_model_new(sc, &err);
	crm_cashflow *cf = crm_cashflow_new(m);
	crm_uncertain *items;
	size_t n;
	assert_non_null(m);
	assert_int_equal(crm_uncertain_list(sc, &items, &n, &err), CRM_OK);
	assert_true(crm_model_summary_fast(m));
	crm_batch *b = crm_batch_new(m, B);
	assert_non_null(b);
	double *cols = malloc((n + 1) * B * sizeof *cols);
	const double **in = calloc(sc->ninputs + 1, sizeof *in);
	const double **line = calloc(sc->nlines + 1, sizeof *line);
	const double **occ = calloc(sc->nlines + 1, sizeof *occ);
	double npv[B], pvc[B], pb[B], dpb[B];
	char full[B];
	size_t np = (size_t)crm_model_periods(m) + 1;
	double *net = malloc(np * sizeof *net), *net1 = malloc(np * sizeof *net1);
	assert_true(cols && in && line && occ && net && net1);
	bind_columns(items, n, cols, B, in, line, occ);
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 11);
	int decided = 0, left = 0, moved = 0;
	for (int round = 0; round < ROUNDS; round++) {
		size_t cnt = round == ROUNDS - 1 ? 37 : B;   /* a short last call too */
		for (size_t t = 0; t < n; t++)
			for (size_t j = 0; j < cnt; j++)
				cols[t * B + j] = crm_uncertain_draw(&items[t], r);
		crm_batch_draws d = { cnt, in, line, occ };
		crm_batch_result res = { npv, pvc, pb, dpb, full };
		assert_int_equal(crm_model_summary_batch(m, b, &d, 1, 1, &res), CRM_OK);
		for (size_t j = 0; j < cnt; j++) {
			for (size_t t = 0; t < n; t++) {
				double x = cols[t * B + j];
				set_item(m, &items[t], x);
			}
			crm_summary s;
			crm_status st = crm_model_summary(m, cf, 1, 1, &s, &err);
			if (full[j]) {
				assert_int_not_equal(st, CRM_OK);
				left++;
				continue;
			}
			if (st == CRM_EUSAGE) {
				/*
				 * The draw moves lines' months, which crm_model_summary
				 * leaves to the full evaluation: the batch decided it on
				 * the model built at its months. The full evaluation's
				 * figures, within the rounding of sums taken in another
				 * order (as crm_model_summary's against it).
				 */
				assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
				moved++;
				crm_payback p1, p2;
				crm_payback_compute(cf->net, np, cf->months_per_period, &p1);
				crm_payback_compute(cf->pv_net, np, cf->months_per_period, &p2);
				double pvcost = 0;
				for (size_t p = 0; p < np; p++)
					pvcost += cf->costs[p] * cf->df[p];
				assert_close(npv[j], cf->cumulative_pv[np - 1], 1e-12, 1e-6);
				assert_close(pvc[j], pvcost, 1e-12, 1e-6);
				assert_int_equal(!isnan(pb[j]), p1.status == CRM_PAYBACK_REACHED);
				assert_int_equal(!isnan(dpb[j]), p2.status == CRM_PAYBACK_REACHED);
				if (!isnan(pb[j]))
					assert_close(pb[j], p1.months, 1e-9, 0);
				if (!isnan(dpb[j]))
					assert_close(dpb[j], p2.months, 1e-9, 0);
				crm_batch_flows(m, b, j, net);
				for (size_t p = 0; p < np; p++)
					assert_close(net[p], cf->net[p], 1e-12, 1e-6);
				continue;
			}
			assert_int_equal(st, CRM_OK);
			decided++;
			assert_true(npv[j] == s.npv);
			assert_true(pvc[j] == s.pv_costs);
			assert_int_equal(!isnan(pb[j]), s.payback_reached);
			assert_int_equal(!isnan(dpb[j]), s.dpayback_reached);
			if (s.payback_reached)
				assert_true(pb[j] == s.payback_months);
			if (s.dpayback_reached)
				assert_true(dpb[j] == s.dpayback_months);
			crm_batch_flows(m, b, j, net);
			crm_model_summary_flows(m, cf, net1);
			assert_memory_equal(net, net1, np * sizeof *net);
		}
	}
	assert_true(decided + moved > 0);
	print_message("      %d draws decided by the batch, %d of them at moved months, %d left to "
		      "evaluation alone\n", decided + moved, moved, left);
	gsl_rng_free(r);
	free(net);
	free(net1);
	free(cols);
	free(in);
	free(line);
	free(occ);
	free(items);
	crm_batch_free(b);
	crm_cashflow_free(cf);
	crm_model_free(m);
	return moved;
}

static crm_scenario *load_file(const char *path)
{
	crm_error err;
	char full[1024];
	snprintf(full, sizeof full, "%s/%s", TEST_SRCDIR, path);
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_load(full, &err);
	assert_non_null(sc);
	return sc;
}

static void test_batch_matches_summary(void **state)
{
	(void)state;
	const char *files[] = {
		"scenarios/bench/montecarlo_bench.csv",     /* 30 drawn inputs */
		"scenarios/midsize_business_case.csv",      /* a drawn go-live month and adoption */
		"tests/cli/data/risky.csv",                 /* a drawn line value and a risk event */
		"scenarios/deployment/pilot_gate.csv",      /* a gate: a group drawn together */
		"scenarios/deployment/conservative.csv",
	};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		crm_scenario *sc = load_file(files[i]);
		int moved = check_batch(sc);
		/* The mid-sized case's drawn go-live: most of its draws move months. */
		if (i == 1)
			assert_true(moved > 500);
		crm_scenario_free(sc);
	}
	/*
	 * Months from two drawn inputs (18 combinations of whole months): start,
	 * end and ramp formulas, once lines, the yearly grid.
	 */
	crm_scenario *sct = load_text(
		"kind,name,value,low,high,dist,timing,start,end,ramp\n"
		"input,g,4,1.5,7.49,triangular\ninput,l,1,-0.49,2.49,uniform\n"
		"input,golive,\"round(g, 0)\"\ninput,lag,\"round(l, 0)\"\n"
		"input,leads,1000,800,1400,pert\n"
		"cost,Set-up,90000,,,,once,golive - 1\n"
		"cost,Run,2000,,,,yearly,golive\n"
		"benefit,Sales,leads * 60,,,,yearly,golive + lag + 1,,lag * 2 + 1\n"
		"benefit,Tail,leads * 5,,,,yearly,golive + 2 * lag + 1,golive + 9\n"
		"benefit,Bonus,15000,,,,once,golive + 12\n");
	assert_true(check_batch(sct) > 500);
	crm_scenario_free(sct);
	/* Shares of adoption drawn out of range, and a division by zero in some draws. */
	crm_scenario *sc = load_text(
		"kind,name,value,low,high,dist,timing,start,adoption\n"
		"setting,period,month\n"
		"input,base,0.8,0.5,1,uniform\ninput,boost,1,0.9,1.3,uniform\ninput,share,base * boost\n"
		"input,d,1,-2,2,uniform\n"
		"input,lift,\"round(d * 2, 0) / round(d * 2, 0) * 1000\"\n"
		"cost,Set-up,50000,,,,once,0\n"
		"benefit,Sales,36000,,,,yearly,1,share\n"
		"benefit,Lift,lift,,,,yearly,3\n");
	check_batch(sc);
	crm_scenario_free(sc);
}

/*
 * The months of a draw that moves them round as crm_line_timing_eval
 * rounds them (halves away from zero), at the values where rounding is
 * closest: every half, the doubles either side of it and the double just
 * below 1/2 above a whole month. A month one off would move a whole
 * year's benefit: each draw the batch decides is the full evaluation's
 * NPV within rounding.
 */
static void test_batch_months_round(void **state)
{
	enum { B = 128 };
	crm_error err;
	double go[B];
	size_t cnt = 0;

	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,value,low,high,dist,timing,start,end,ramp\n"
		"setting,period,month\n"
		"input,golive,4,1,24,uniform\n"
		"cost,Set-up,90000,,,,once,golive\n"
		"cost,Run,2000,,,,monthly,golive\n"
		"benefit,Sales,50000,,,,monthly,golive + 0.5,,golive / 2\n"
		"benefit,Late,8000,,,,monthly,golive * 1.5,golive * 2 + 12\n");
	for (int k = 1; k <= 20 && cnt + 5 <= B; k++) {
		double h = k + 0.5;
		go[cnt++] = h;
		go[cnt++] = nextafter(h, 0);
		go[cnt++] = nextafter(h, 100);
		go[cnt++] = k;
		go[cnt++] = k + 0.49999999999999994;
	}
	crm_model *m = crm_model_new(sc, &err);
	crm_cashflow *cf = crm_cashflow_new(m);
	crm_batch *b = crm_batch_new(m, B);
	assert_non_null(b);
	const double **in = calloc(sc->ninputs + 1, sizeof *in);
	assert_non_null(in);
	in[0] = go;
	double npv[B], pvc[B], pb[B], dpb[B];
	char full[B];
	crm_batch_draws d = { cnt, in, NULL, NULL };
	crm_batch_result res = { npv, pvc, pb, dpb, full };
	assert_int_equal(crm_model_summary_batch(m, b, &d, 1, 1, &res), CRM_OK);
	size_t np = (size_t)crm_model_periods(m) + 1, decided = 0;
	for (size_t j = 0; j < cnt; j++) {
		crm_model_override(m, 0, go[j]);
		assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
		if (full[j])
			continue;
		decided++;
		assert_close(npv[j], cf->cumulative_pv[np - 1], 1e-12, 1e-6);
	}
	assert_true(decided > cnt / 2);
	free(in);
	crm_batch_free(b);
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_scenario_free(sc);
}

/* A random scenario for test_batch_random_scenarios, as text. */
static char *random_scenario(gsl_rng *r)
{
	static const char *const dists[] = { "uniform", "triangular", "pert", "normal" };
	static const char *const timings[] = { "once", "yearly", "monthly" };
	size_t cap = 8192, o = 0;
	char *t = malloc(cap);
	assert_non_null(t);
	int h = 1 + (int)gsl_rng_uniform_int(r, 12), month = gsl_rng_uniform(r) < 0.33;
	int ni = (int)gsl_rng_uniform_int(r, 4), nl = 1 + (int)gsl_rng_uniform_int(r, 7);
	o += (size_t)snprintf(t + o, cap - o, "kind,name,value,low,high,dist,timing,start,probability\n"
			      "setting,horizon_years,%d\nsetting,period,%s\n%s", h,
			      month ? "month" : "year",
			      gsl_rng_uniform(r) < 0.5 ? "setting,benefit_risk,10%\n" : "");
	for (int i = 0; i < ni; i++) {
		double v = -2 + 5 * gsl_rng_uniform(r);
		o += (size_t)snprintf(t + o, cap - o, "input,x%d,%.3f,%.3f,%.3f,%s,,,\n", i, v,
				      v - 2 * gsl_rng_uniform(r), v + 2 * gsl_rng_uniform(r),
				      dists[gsl_rng_uniform_int(r, 4)]);
	}
	for (int l = 0; l < nl; l++) {
		const char *kind = gsl_rng_uniform(r) < 0.5 ? "cost" : "benefit";
		const char *tm = timings[gsl_rng_uniform_int(r, 3)];
		int start = (int)gsl_rng_uniform_int(r, (unsigned long)(12 * h + 1));
		if (strcmp(tm, "once") && start == 0)
			start = 1;
		if (!strcmp(tm, "once") && gsl_rng_uniform(r) < 0.5)
			start = 0;
		const char *prob = gsl_rng_uniform(r) < 0.25 ? "40%" : "";
		double u = gsl_rng_uniform(r);
		if (u < 0.15) {
			o += (size_t)snprintf(t + o, cap - o, "%s,L%d,0,,,,%s,%d,%s\n", kind, l, tm, start, prob);
		} else if (u < 0.35 && ni) {
			o += (size_t)snprintf(t + o, cap - o, "%s,L%d,x%d * %d,,,,%s,%d,%s\n", kind, l,
					      (int)gsl_rng_uniform_int(r, (unsigned long)ni),
					      1000 + (int)gsl_rng_uniform_int(r, 89000), tm, start, prob);
		} else {
			double v = -30000 + 150000 * gsl_rng_uniform(r);
			o += (size_t)snprintf(t + o, cap - o, "%s,L%d,%.2f,%.2f,%.2f,%s,%s,%d,%s\n", kind, l,
					      v, v - 60000 * gsl_rng_uniform(r), v + 60000 * gsl_rng_uniform(r),
					      dists[gsl_rng_uniform_int(r, 3)], tm, start, prob);
		}
	}
	assert_true(o < cap);
	return t;
}

/*
 * Random scenarios (fixed seed): horizons of 1 to 12 years on the year and
 * the month grid, lines once, yearly and monthly from any month, values of
 * either sign, zero lines, formula lines and risk events, batches of any
 * size from 1 to 70. Every draw the batch decides is crm_model_summary's to
 * the last bit; and whenever crm_model_summary decides, its NPV agrees with
 * the full evaluation within 1e-9 relative and its payback and discounted
 * payback with crm_payback_compute on the full evaluation's flows within a
 * millionth of a month (both add the same amounts in another order).
 */
static void test_batch_random_scenarios(void **state)
{
	(void)state;
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 2026);
	long decided = 0, compared = 0;
	for (int f = 0; f < 150; f++) {
		char *text = random_scenario(r);
		crm_scenario *sc = load_text(text);
		crm_error err;
		crm_model *m = crm_model_new(sc, &err);
		crm_cashflow *cf = crm_cashflow_new(m), *full_cf = crm_cashflow_new(m);
		crm_uncertain *items;
		size_t n;
		assert_true(m && cf && full_cf);
		assert_int_equal(crm_uncertain_list(sc, &items, &n, &err), CRM_OK);
		size_t cap = 1 + gsl_rng_uniform_int(r, 70);
		crm_batch *b = crm_batch_new(m, cap);
		assert_non_null(b);
		double *cols = malloc((n + 1) * cap * sizeof *cols);
		const double **in = calloc(sc->ninputs + 1, sizeof *in);
		const double **line = calloc(sc->nlines + 1, sizeof *line);
		const double **occ = calloc(sc->nlines + 1, sizeof *occ);
		double *npv = malloc(cap * sizeof *npv), *pvc = malloc(cap * sizeof *pvc);
		double *pb = malloc(cap * sizeof *pb), *dpb = malloc(cap * sizeof *dpb);
		char *full = malloc(cap);
		assert_true(cols && in && line && occ && npv && pvc && pb && dpb && full);
		bind_columns(items, n, cols, cap, in, line, occ);
		size_t np = (size_t)crm_model_periods(m) + 1;
		for (int round = 0; round < 6; round++) {
			size_t cnt = 1 + gsl_rng_uniform_int(r, cap);
			for (size_t t = 0; t < n; t++)
				for (size_t j = 0; j < cnt; j++)
					cols[t * cap + j] = crm_uncertain_draw(&items[t], r);
			crm_batch_draws d = { cnt, in, line, occ };
			crm_batch_result res = { npv, pvc, pb, dpb, full };
			assert_int_equal(crm_model_summary_batch(m, b, &d, 1, 1, &res), CRM_OK);
			for (size_t j = 0; j < cnt; j++) {
				for (size_t t = 0; t < n; t++) {
					double x = cols[t * cap + j];
					set_item(m, &items[t], x);
				}
				crm_summary s;
				crm_status st = crm_model_summary(m, cf, 1, 1, &s, &err);
				if (full[j]) {
					assert_int_not_equal(st, CRM_OK);
				} else {
					assert_int_equal(st, CRM_OK);
					decided++;
					assert_true(npv[j] == s.npv && pvc[j] == s.pv_costs);
					assert_int_equal(!isnan(pb[j]), s.payback_reached);
					assert_int_equal(!isnan(dpb[j]), s.dpayback_reached);
					assert_true(!s.payback_reached || pb[j] == s.payback_months);
					assert_true(!s.dpayback_reached || dpb[j] == s.dpayback_months);
				}
				if (st != CRM_OK || crm_model_eval(m, full_cf, &err) != CRM_OK)
					continue;
				compared++;
				crm_payback p1, p2;
				crm_payback_compute(full_cf->net, np, full_cf->months_per_period, &p1);
				crm_payback_compute(full_cf->pv_net, np, full_cf->months_per_period, &p2);
				assert_close(s.npv, full_cf->cumulative_pv[np - 1], 1e-9, 1e-6);
				assert_int_equal(s.payback_reached, p1.status == CRM_PAYBACK_REACHED);
				assert_int_equal(s.dpayback_reached, p2.status == CRM_PAYBACK_REACHED);
				if (s.payback_reached)
					assert_close(s.payback_months, p1.months, 0, 1e-6);
				if (s.dpayback_reached)
					assert_close(s.dpayback_months, p2.months, 0, 1e-6);
			}
		}
		free(cols);
		free(in);
		free(line);
		free(occ);
		free(npv);
		free(pvc);
		free(pb);
		free(dpb);
		free(full);
		free(items);
		crm_batch_free(b);
		crm_cashflow_free(cf);
		crm_cashflow_free(full_cf);
		crm_model_free(m);
		crm_scenario_free(sc);
		free(text);
	}
	print_message("      %ld draws decided by the batch, %ld compared with the full evaluation\n",
		      decided, compared);
	assert_true(decided > 10000 && compared > 10000);
	gsl_rng_free(r);
}

/*
 * Payback that is lost again, in simulate and on the short path: set-up
 * 100,000 at month 0, a gain G ~ U(100,000, 400,000) at month 12,
 * decommissioning 200,000 at month 36. The cumulative net ends at G - 300,000,
 * so payback is reached only when G >= 300,000 (analytic probability of no
 * payback: 2/3), although the cumulative turns positive at month 12 in every
 * draw. Discounted at 10%: reached when G / 1.1 >= 100,000 + 200,000 / 1.331,
 * that is G >= 275,289.2561983471 (hand calculation), probability of none
 * 0.5843 = (275,289.2561983471 - 100,000) / 300,000.
 */
static const char *lost_text =
	"kind,name,value,low,high,dist,timing,start\n"
	"setting,horizon_years,3\n"
	"cost,Set-up,100000,,,,once,0\n"
	"benefit,Gain,150000,100000,400000,uniform,once,12\n"
	"cost,Decommissioning,200000,,,,once,36\n";

static void test_payback_lost_again(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(lost_text);
	crm_sim_options o = options(40000, 2);
	o.metrics[CRM_SIM_DPAYBACK] = 1;
	crm_sim_result res;
	crm_error err;
	crm_error_clear(&err);
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
	double p = (double)res.payback_not_reached / (double)res.iterations;
	/* Within 5 binomial standard errors. */
	assert_close(p, 2.0 / 3.0, 0, 5 * sqrt(2.0 / 9.0 / 40000));
	const crm_sim_metric *d = &res.metric[CRM_SIM_DPAYBACK];
	double q = (double)d->undefined / (double)res.iterations;
	double qw = (275289.2561983471 - 100000) / 300000;
	assert_close(q, qw, 0, 5 * sqrt(qw * (1 - qw) / 40000));
	crm_sim_result_free(&res);
	/* The short path agrees with the definition draw by draw at both sides of G = 300,000. */
	crm_model *m = crm_model_new(sc, &err);
	crm_cashflow *cf = crm_cashflow_new(m);
	assert_true(crm_model_summary_fast(m));
	static const double gains[] = { 150000, 299000, 301000, 400000 };
	for (size_t k = 0; k < 4; k++) {
		crm_summary s;
		crm_model_override_line(m, 1, gains[k]);
		assert_int_equal(crm_model_summary(m, cf, 1, 1, &s, &err), CRM_OK);
		assert_int_equal(s.payback_reached, gains[k] >= 300000);
		if (s.payback_reached)   /* never lost: 12 x 100,000 / G months */
			assert_close(s.payback_months, 12 * 100000 / gains[k], 1e-12, 0);
	}
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_scenario_free(sc);
}

/*
 * Ranges up to about 1e308: PERT with low 0.3 and high 1e308 (4 x (high -
 * mode) alone overflows), triangular 0 to 1e308. Every draw and quantile is
 * finite and inside [low, high]; PERT's shape parameters are 1 + 4 x share of
 * the width (hand calculation: alpha = 1, beta = 5 to double precision).
 */
static void test_huge_ranges(void **state)
{
	(void)state;
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 11);
	crm_uncertain pert = dist_of(CRM_DIST_PERT, 0.3, 1, 1e308);
	crm_uncertain tri = dist_of(CRM_DIST_TRIANGULAR, 0, 1, 1e308);
	crm_uncertain uni = dist_of(CRM_DIST_UNIFORM, 0.3, 1, 1e308);
	assert_close(pert.alpha, 1, 1e-15, 0);
	assert_close(pert.beta, 5, 1e-15, 0);
	const crm_uncertain *all[] = { &pert, &tri, &uni };
	for (size_t k = 0; k < 3; k++) {
		double lo = all[k]->low, hi = all[k]->high, mx = lo;
		for (int i = 0; i < 20000; i++) {
			double x = crm_uncertain_draw(all[k], r);
			assert_true(isfinite(x) && x >= lo && x <= hi);
			mx = fmax(mx, x);
		}
		assert_true(mx > 1e306);   /* not every draw at low */
		for (int i = 0; i <= 100; i++) {
			double q = crm_uncertain_quantile(all[k], i / 100.0);
			assert_true(isfinite(q) && q >= lo && q <= hi);
		}
	}
	gsl_rng_free(r);
	/* The whole simulation, Sobol stage included, ends (GSL's inverse beta got finite shapes). */
	crm_scenario *sc = load_text("kind,name,value,low,high,dist,timing\n"
				     "input,x,1,0.3,1e308,pert,\ninput,y,1,0,1e308,triangular,\n"
				     "cost,Set-up,1000,,,,once\nbenefit,B,x / 1e300 + y / 1e300,,,,yearly\n");
	crm_sobol_result sr;
	crm_error err;
	crm_error_clear(&err);
	assert_int_equal(crm_sobol(sc, 256, 5, &sr, &err), CRM_OK);
	crm_sobol_result_free(&sr);
	crm_scenario_free(sc);
	/* A range whose width is beyond the largest double is refused, located at its high. */
	sc = load_text("kind,name,value,low,high,dist,timing\ninput,x,1,-1e308,1e308,uniform,\n"
		       "cost,Set-up,1000,,,,once\nbenefit,B,x / 1e300,,,,yearly\n");
	crm_uncertain *items;
	size_t n;
	assert_int_equal(crm_uncertain_list(sc, &items, &n, &err), CRM_EDATA);
	assert_int_equal(err.line, 2);
	assert_contains(err.msg, "wider than the largest number");
	crm_scenario_free(sc);
}

static void test_sobol_linear(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(linear_text);
	crm_sobol_result r;
	crm_error err;
	static const double s[] = { 0.242424242424242424242424242424,
				    0.727272727272727272727272727273,
				    0.030303030303030303030303030303 };
	assert_int_equal(crm_sobol(sc, 8192, 42, &r, &err), CRM_OK);
	assert_true(r.ok);
	assert_string_equal(r.sequence, "sobol");
	assert_close(r.variance, 1.375, 0.01, 0);
	for (int i = 0; i < 3; i++) {
		/* Quasi-random estimates of a linear model: within 0.01 of the analytic value. */
		assert_close(r.first[i], s[i], 0, 0.01);
		assert_close(r.total[i], s[i], 0, 0.01);
		assert_true(r.first_lo[i] <= r.first[i] && r.first[i] <= r.first_hi[i]);
		assert_true(r.total_lo[i] <= r.total[i] && r.total[i] <= r.total_hi[i]);
	}
	crm_sobol_result_free(&r);
	crm_scenario_free(sc);
}

/*
 * At most one item of its own: the linear model's largest swing is x2 (a
 * normal with sd 1: 3.29 from its 5th to 95th percentile, against 1.8 for
 * 2 x1 and about 0.68 for 0.5 x3), which keeps its index, 1 / 1.375 =
 * 0.727272...; x1 and x3 are one group whose index is the sum of theirs,
 * (1/3 + 1/24) / 1.375 = 0.272727... (analytic, an additive model: first and
 * total alike). The group's values are pseudo-random, so its estimates get
 * 0.03. With room for every item the result is crm_sobol's, to the bit.
 */
static void test_sobol_top_groups_the_rest(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(linear_text);
	crm_sobol_result r, all;
	crm_error err;
	assert_int_equal(crm_sobol_top(sc, 8192, 42, 1, &r, &err), CRM_OK);
	assert_true(r.ok);
	assert_int_equal(r.nitems, 1);
	assert_int_equal(r.rest, 2);
	assert_string_equal(r.items[0].name, "x2");
	assert_close(r.first[0], 0.727272727272727272727272727273, 0, 0.03);
	assert_close(r.total[0], 0.727272727272727272727272727273, 0, 0.03);
	assert_close(r.first[1], 0.272727272727272727272727272727, 0, 0.03);
	assert_close(r.total[1], 0.272727272727272727272727272727, 0, 0.03);
	assert_true(r.first_lo[1] <= r.first[1] && r.first[1] <= r.first_hi[1]);
	crm_sobol_result_free(&r);
	assert_int_equal(crm_sobol_top(sc, 512, 42, 3, &r, &err), CRM_OK);
	assert_int_equal(crm_sobol(sc, 512, 42, &all, &err), CRM_OK);
	assert_int_equal(r.rest, 0);
	assert_int_equal(r.nitems, 3);
	for (int i = 0; i < 3; i++) {
		assert_true(r.first[i] == all.first[i] && r.total[i] == all.total[i]);
		assert_true(r.first_lo[i] == all.first_lo[i] && r.total_hi[i] == all.total_hi[i]);
	}
	crm_sobol_result_free(&r);
	crm_sobol_result_free(&all);
	crm_scenario_free(sc);
}

/*
 * Sobol indices of items that move several lines: input x ~ U(0, 1) feeds
 * benefits A = 1000 x and B = 500 x; cost C ~ U(100, 300); benefit D = 600
 * is a risk event of 50%; a gate of 40% holds benefit E = 400 and cost F =
 * 100 (net 300). All at month 0, undiscounted and without risk adjustment:
 * NPV is additive, so each first-order and total index is the item's
 * variance over the sum (analytic: 1500^2 / 12, 200^2 / 12, 600^2 / 4,
 * 300^2 x 0.24; python fractions): x 0.61997134, C 0.01102171, D
 * 0.29758624, the gate 0.07142070. With two items of their own (x and D,
 * the largest swings), C and the gate are one group: 0.08244241. Every
 * evaluation after the first of a base point evaluates again only what
 * an item moves (an input's lines, an event's line, a gate's every line);
 * a line left stale would move these shares.
 */
static const char *several_lines_text =
	"kind,name,value,low,high,dist,timing,probability,group\n"
	"input,x,0.5,0,1,uniform,,,\n"
	"benefit,A,1000 * x,,,,once,,\n"
	"benefit,B,500 * x,,,,once,,\n"
	"cost,C,200,100,300,uniform,once,,\n"
	"benefit,D,600,,,,once,50%,\n"
	"benefit,E,400,,,,once,40%,g\n"
	"cost,F,100,,,,once,,g\n";

static void test_sobol_items_moving_several_lines(void **state)
{
	(void)state;
	static const double want[4] = { 0.619971343546787179157320224476,
					0.011021712774165104767321032853,
					0.297586244902457830452391362996,
					0.071420698776589880418796951744 };
	crm_scenario *sc = load_text(several_lines_text);
	crm_sobol_result r;
	crm_error err;
	assert_int_equal(crm_sobol(sc, 8192, 42, &r, &err), CRM_OK);
	assert_true(r.ok);
	assert_int_equal(r.nitems, 4);
	for (int i = 0; i < 4; i++) {
		assert_close(r.first[i], want[i], 0, 0.02);
		assert_close(r.total[i], want[i], 0, 0.02);
	}
	assert_close(r.variance, 302433.33333333333, 0.02, 0);
	crm_sobol_result_free(&r);
	assert_int_equal(crm_sobol_top(sc, 8192, 42, 2, &r, &err), CRM_OK);
	assert_true(r.ok);
	assert_int_equal(r.nitems, 2);
	assert_int_equal(r.rest, 2);
	assert_string_equal(r.items[0].name, "x");
	assert_int_equal(r.items[1].kind, CRM_ITEM_EVENT);
	assert_close(r.first[0], want[0], 0, 0.03);
	assert_close(r.total[1], want[2], 0, 0.03);
	assert_close(r.first[2], want[1] + want[3], 0, 0.03);
	assert_close(r.total[2], want[1] + want[3], 0, 0.03);
	crm_sobol_result_free(&r);
	crm_scenario_free(sc);
}

static void test_sobol_no_uncertainty(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value\ncost,A,100\n");
	crm_sobol_result r;
	crm_error err;
	assert_int_equal(crm_sobol(sc, 64, 1, &r, &err), CRM_OK);
	assert_false(r.ok);
	assert_contains(r.note, "no uncertain values");
	crm_sobol_result_free(&r);
	crm_scenario_free(sc);
}

/*
 * Percentiles by selection are those of a full sort to the last bit, and
 * ranks are the ranks by definition (average rank for ties, -0 tied with
 * +0), on distinct values, on values with many ties and on heavy-tailed ones
 * (which crowd the rank sort's buckets). Reference: GSL's
 * gsl_sort with gsl_stats_quantile_from_sorted_data, and ranks counted
 * pairwise (rank = 1 + #smaller + #equal-others / 2).
 */
static void test_order_statistics(void **state)
{
	(void)state;
	static const size_t sizes[] = { 1, 2, 3, 17, 100, 1001, 40000 };
	static const double pct[] = { 0, 5, 10, 25, 50, 75, 90, 95, 100 };
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 7);
	for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
		for (int ties = 0; ties < 3; ties++) {   /* distinct, tied, heavy-tailed */
			size_t n = sizes[s];
			double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
			double *rank = malloc(n * sizeof *rank), got[9];
			crm_simstats_keyed *tmp = malloc(3 * n * sizeof *tmp);
			assert_non_null(a);
			assert_non_null(b);
			assert_non_null(rank);
			assert_non_null(tmp);
			for (size_t i = 0; i < n; i++)
				a[i] = ties == 1 ? (double)gsl_rng_uniform_int(r, 7) - 3.0
				     : ties == 2 ? exp(gsl_ran_gaussian_ziggurat(r, 6.0))
						 : gsl_ran_gaussian_ziggurat(r, 1e6) * 2.385;
			if (ties == 1 && n > 2) {
				a[0] = -0.0;
				a[1] = 0.0;
			}
			memcpy(b, a, n * sizeof *a);
			crm_simstats_ranks(a, n, rank, tmp);
			if (n <= 1001)
				for (size_t i = 0; i < n; i++) {
					double smaller = 0, equal = 0;
					for (size_t j = 0; j < n; j++) {
						smaller += a[j] < a[i];
						equal += j != i && a[j] == a[i];
					}
					assert_close(rank[i], 1 + smaller + equal / 2, 0, 0);
				}
			gsl_sort(b, 1, n);
			crm_simstats_percentiles(a, n, pct, 9, got);
			for (int q = 0; q < 9; q++)
				assert_close(got[q], gsl_stats_quantile_from_sorted_data(b, 1, n, pct[q] / 100),
					     0, 0);
			free(a);
			free(b);
			free(rank);
			free(tmp);
		}
	gsl_rng_free(r);
}

/*
 * IRR on the short way equals the slow path on every draw of a run: the
 * samples callback receives each draw's values and metrics, and each draw is
 * evaluated again in full (crm_model_eval) and its IRR solved by the grid
 * and Brent search (crm_cashflow_irr, the root nearest the discount rate).
 * Reference: that slow path, within 1e-12 relative plus 1e-15 absolute;
 * undefined on both or neither. The absolute part is for rates near 0: the
 * flows themselves, added in another order by the two ways, fix the root
 * only to about 1e-16 (rounding of NPV / its slope), which is more than
 * 1e-12 of a rate of 1e-5. The scenarios cover one sign change (the usual case), no IRR, and
 * draws whose flows change sign more than once. NPV too, within 1e-9 relative (the short way
 * adds the same amounts in another order). With dated discounting the short way lays each
 * draw's flows on the model's fixed days (crm_xirr_fast, or crm_xirr_solve_days on the days'
 * factors) and the slow path solves the XIRR of the flows as the metrics gather them; the dated
 * scenario's draws have no root, one, and several.
 */
struct irr_check {
	crm_model *m;
	crm_cashflow *cf;
	const crm_uncertain *items;
	uint64_t compared, defined;
	uint64_t shapes[3];        /* draws whose full evaluation has no root, one, several */
};

static int irr_check_block(void *ctx, uint64_t first, size_t count, size_t nitems,
			   const double *x, const double *met)
{
	struct irr_check *c = ctx;
	crm_error err;
	(void)first;
	for (size_t i = 0; i < count; i++) {
		for (size_t t = 0; t < nitems; t++) {
			const crm_uncertain *u = &c->items[t];
			double v = x[i * nitems + t];
			if (u->kind == CRM_ITEM_INPUT)
				crm_model_override(c->m, (size_t)u->index, v);
			else if (u->kind == CRM_ITEM_LINE)
				crm_model_override_line(c->m, (size_t)u->index, v);
			else
				crm_model_set_occurs(c->m, (size_t)u->index, v > 0.5);
		}
		double want = NAN, npv = NAN;
		if (crm_model_eval(c->m, c->cf, &err) == CRM_OK) {
			crm_irr irr;
			double r = crm_model_settings(c->m)->discount_rate;
			npv = c->cf->cumulative_pv[c->cf->nperiods];
			if (crm_cashflow_irr(c->m, c->cf, &irr, &err) == CRM_OK) {
				for (size_t k = 0; k < irr.nroots; k++)
					if (k == 0 || fabs(irr.roots[k] - r) < fabs(want - r))
						want = irr.roots[k];
				c->shapes[irr.nroots < 2 ? irr.nroots : 2]++;
			}
		}
		assert_close(met[i * CRM_SIM_NMETRICS + CRM_SIM_IRR], want, 1e-12, 1e-15);
		assert_close(met[i * CRM_SIM_NMETRICS + CRM_SIM_NPV], npv, 1e-9, 1e-6);
		c->compared++;
		c->defined += !isnan(want);
	}
	return 0;
}

static struct irr_check check_irr_every_draw(const char *path, uint64_t draws)
{
	crm_error err;
	char full[1024];
	snprintf(full, sizeof full, "%s/%s", TEST_SRCDIR, path);
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_load(full, &err);
	assert_non_null(sc);
	crm_sim_options o = options(draws, 2);
	crm_sim_result res;
	struct irr_check c = { crm_model_new(sc, &err), NULL, NULL, 0, 0, { 0, 0, 0 } };
	assert_non_null(c.m);
	c.cf = crm_cashflow_new(c.m);
	assert_int_equal(crm_uncertain_list(sc, (crm_uncertain **)&c.items, &res.nitems, &err), CRM_OK);
	o.samples = irr_check_block;
	o.samples_ctx = &c;
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
	assert_int_equal(c.compared, draws);
	assert_true(c.defined > 0);
	crm_sim_result_free(&res);
	free((void *)c.items);
	crm_cashflow_free(c.cf);
	crm_model_free(c.m);
	crm_scenario_free(sc);
	c.m = NULL;
	c.cf = NULL;
	c.items = NULL;
	return c;
}

static void test_irr_short_way_every_draw(void **state)
{
	(void)state;
	check_irr_every_draw("scenarios/bench/montecarlo_bench.csv", 20000);
	check_irr_every_draw("scenarios/midsize_business_case.csv", 20000);
	check_irr_every_draw("tests/cli/data/risky.csv", 20000);
	struct irr_check d = check_irr_every_draw("tests/cli/data/dated_risky.csv", 20000);
	print_message("      dated: %llu draws with no IRR, %llu with one, %llu with several\n",
		      (unsigned long long)d.shapes[0], (unsigned long long)d.shapes[1],
		      (unsigned long long)d.shapes[2]);
	assert_true(d.shapes[0] > 100 && d.shapes[1] > 100 && d.shapes[2] > 100);
}

/*
 * The same seed gives the same results on 1, 2 and 3 threads on every path
 * of the engine: IRR on the short way and by the full search (the bench
 * scenario's flows change sign once; risky.csv's draws also have none or
 * several), the XIRR of dated flows (dated_risky.csv), payback and
 * discounted payback from the short-way flows, percentiles by selection and
 * from the histogram past the exact store, and radix ranks for the rank
 * correlations.
 */
static void check_jobs_identical(const char *path)
{
	crm_error err;
	char full[1024];
	snprintf(full, sizeof full, "%s/%s", TEST_SRCDIR, path);
	crm_error_clear(&err);
	crm_scenario *sc = load_file_or_fail(full);
	for (int hist = 0; hist < 2; hist++) {
		crm_sim_options o = options(3 * CRM_SIM_BLOCK + 123, 1);
		crm_sim_result r1, r;
		o.metrics[CRM_SIM_DPAYBACK] = 1;
		o.exact_max = hist ? 5000 : 0;
		assert_int_equal(crm_simulate(sc, &o, &r1, &err), CRM_OK);
		assert_int_equal(r1.metric[CRM_SIM_NPV].exact, !hist);
		for (int jobs = 2; jobs <= 3; jobs++) {
			o.jobs = jobs;
			assert_int_equal(crm_simulate(sc, &o, &r, &err), CRM_OK);
			expect_same(&r1, &r);
			for (int k = 0; k < CRM_SIM_NMETRICS; k++)
				assert_memory_equal(r1.metric[k].bin_count, r.metric[k].bin_count,
						    r1.metric[k].nbins * sizeof *r.metric[k].bin_count);
			crm_sim_result_free(&r);
		}
		crm_sim_result_free(&r1);
	}
	crm_scenario_free(sc);
}

static void test_jobs_identical_every_path(void **state)
{
	(void)state;
	check_jobs_identical("scenarios/bench/montecarlo_bench.csv");
	check_jobs_identical("tests/cli/data/risky.csv");
	check_jobs_identical("tests/cli/data/dated_risky.csv");
}

/*
 * Spearman's coefficient from the ranks' exact sums, against GSL's
 * gsl_stats_correlation of the same ranks (a running algorithm written
 * apart), with ties, and the analytic +1 and -1 of monotone data.
 */
static void test_rank_correlation(void **state)
{
	(void)state;
	enum { M = 20001 };
	double *x = malloc(M * sizeof *x), *y = malloc(M * sizeof *y);
	double *rx = malloc(M * sizeof *rx), *ry = malloc(M * sizeof *ry);
	crm_simstats_keyed *tmp = malloc(3 * M * sizeof *tmp);
	assert_true(x && y && rx && ry && tmp);
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 5);
	for (int i = 0; i < M; i++) {
		x[i] = floor(gsl_rng_uniform(r) * 300);   /* many ties */
		y[i] = x[i] * 0.3 + gsl_ran_gaussian(r, 40);
	}
	crm_simstats_ranks(x, M, rx, tmp);
	crm_simstats_ranks(y, M, ry, tmp);
	double c = crm_simstats_rank_corr(rx, ry, M);
	assert_close(c, gsl_stats_correlation(rx, 1, ry, 1, M), 1e-13, 0);
	assert_true(c > 0.5 && c < 1);
	for (int i = 0; i < M; i++)
		y[i] = exp(x[i] / 100);
	crm_simstats_ranks(y, M, ry, tmp);
	assert_close(crm_simstats_rank_corr(rx, ry, M), 1.0, 1e-15, 0);
	for (int i = 0; i < M; i++)
		y[i] = -x[i];
	crm_simstats_ranks(y, M, ry, tmp);
	assert_close(crm_simstats_rank_corr(rx, ry, M), -1.0, 1e-15, 0);
	for (int i = 0; i < M; i++)
		y[i] = 4;
	crm_simstats_ranks(y, M, ry, tmp);
	assert_true(isnan(crm_simstats_rank_corr(rx, ry, M)));   /* a constant ranking */
	gsl_rng_free(r);
	free(x);
	free(y);
	free(rx);
	free(ry);
	free(tmp);
}

/*
 * Memory for rank correlations is bounded: a model with 200 uncertain values
 * keeps 16,000,000 / 201 = 79,601 draws of them (integer division), not
 * 100,000, and says so in rank_draws.
 */
static void test_rank_store_bounded(void **state)
{
	(void)state;
	size_t cap = 64 * 1024, o = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	o += (size_t)snprintf(text + o, cap - o, "kind,name,value,low,high,timing\n");
	for (int i = 0; i < 200; i++)
		o += (size_t)snprintf(text + o, cap - o, "input,x%d,10,8,12,\n", i);
	o += (size_t)snprintf(text + o, cap - o, "benefit,Sales,x0 * 1000 + x199 * 10,,,yearly\n");
	assert_true(o < cap);
	crm_scenario *sc = load_text(text);
	crm_sim_options opt = options(100000, 2);
	opt.metrics[CRM_SIM_IRR] = opt.metrics[CRM_SIM_PAYBACK] = opt.metrics[CRM_SIM_ROI] = 0;
	crm_sim_result res;
	crm_error err;
	assert_int_equal(crm_simulate(sc, &opt, &res, &err), CRM_OK);
	assert_int_equal(res.nitems, 200);
	assert_int_equal(res.rank_draws, 79601);
	assert_true(res.rank_corr[0] > 0.9);   /* x0 drives NPV */
	crm_sim_result_free(&res);
	crm_scenario_free(sc);
	free(text);
}

/*
 * A metric that does not vary: every draw the same NPV. Its mean is that
 * value exactly, its standard deviation exactly 0, and the histogram one
 * bin. The value: -10,000 now and 10,000 a year for 3 years at 10%,
 * 14,868.5199098422 (fin_oracle.py npv, as tests/cli/independent.tsv).
 */
static void test_constant_metric(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,low,high,timing\n"
				     "input,unused,5,1,9,\n"
				     "cost,Set-up,10000,,,once\n"
				     "benefit,Sales,10000,,,yearly\n");
	crm_sim_options opt = options(30000, 2);
	crm_sim_result res;
	crm_error err;
	assert_int_equal(crm_simulate(sc, &opt, &res, &err), CRM_OK);
	const crm_sim_metric *m = &res.metric[CRM_SIM_NPV];
	assert_close(m->mean, 14868.5199098422, 1e-13, 0);
	assert_true(m->mean == m->min && m->mean == m->max);
	assert_true(m->sd == 0 && m->sem == 0);
	assert_int_equal(m->nbins, 1);
	assert_int_equal(m->bin_count[0], 30000);
	crm_sim_result_free(&res);
	crm_scenario_free(sc);
}


/*
 * The bad case: NPV ~ Normal(1,000,000, 500,000) (an Initial benefit x,
 * normal with 5th and 95th percentiles 1e6 -/+ 1.6448536 x 5e5). Analytic:
 * value at risk at level a is the a-quantile mu + sigma z_a (177,573 at 5%),
 * expected shortfall the mean of the worst a, mu - sigma phi(z_a) / a
 * (-31,356 at 5%, 122,500 at 10%). An input y that does not enter the NPV
 * keeps its mean in the worst 10%; x's mean there is the shortfall at 10%.
 * Tolerances: 5 Monte Carlo standard errors (a quantile's is
 * sqrt(a (1 - a) / n) / f(q), about 2,400 here; a tail mean's under 3,000).
 * The same from the histogram when the draws pass the values kept.
 */
/*
 * Peak funding in the bad case: a build of c ~ Normal(100,000, 20,000) paid
 * in month 1 of a yearly grid, then savings of 10,000 a month from month 2:
 * the cumulative is lowest at month 1, -c, in every draw. At 5% its value at
 * risk is -(mu + sigma z_0.95) = -132,897 and its expected shortfall
 * -(mu + sigma phi(z_0.95) / 0.05) = -141,254; at 10%, -125,631 and
 * -135,100. The base case's peak funding by month (crm_case) is -100,000.
 */
static void test_peak_funding_tail(void **state)
{
	(void)state;
	const double mu = 1e5, sigma = 2e4, z95 = gsl_cdf_ugaussian_Pinv(0.95);
	char text[512];
	snprintf(text, sizeof text,
		 "kind,name,value,low,high,dist,timing,start\n"
		 "setting,horizon_years,2,,,,,\n"
		 "cost,Build,%.17g,%.17g,%.17g,normal,once,1\n"
		 "benefit,Savings,10000,,,,monthly,2\n", mu, mu - z95 * sigma, mu + z95 * sigma);
	crm_scenario *sc = load_text(text);
	crm_sim_options o = options(200000, 2);
	crm_sim_result res;
	crm_error err;

	o.metrics[CRM_SIM_PEAK_FUNDING] = 1;
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
	assert_true(res.metric[CRM_SIM_PEAK_FUNDING].computed);
	assert_close(res.metric[CRM_SIM_PEAK_FUNDING].mean, -mu, 0, 5 * sigma / sqrt(200000.0));
	for (int q = 0; q < CRM_SIM_NTAIL; q++) {
		double a = res.tail_level[q] / 100, za = gsl_cdf_ugaussian_Pinv(a);
		/* The quantile's standard error: sqrt(a (1 - a) / n) / density, about 100 here. */
		assert_close(res.peak_var[q], -(mu - sigma * za), 0, 600);
		assert_close(res.peak_es[q], -(mu + sigma * gsl_ran_ugaussian_pdf(za) / a), 0, 600);
	}
	assert_close(res.peak_var[0], -132897, 0, 600);
	assert_close(res.peak_es[0], -141254, 0, 600);
	crm_sim_result_free(&res);
	crm_case *c = crm_case_new(sc, NULL, &err);
	assert_non_null(c);
	assert_close(c->peak_funding, -mu, 1e-12, 0);
	crm_case_free(c);
	crm_scenario_free(sc);
}

static void test_tail_risk_normal(void **state)
{
	(void)state;
	const double mu = 1e6, sigma = 5e5, z95 = gsl_cdf_ugaussian_Pinv(0.95);
	char text[512];
	snprintf(text, sizeof text,
		 "kind,name,value,low,high,dist,timing\n"
		 "input,x,%.17g,%.17g,%.17g,normal,\n"
		 "input,y,5,0,10,uniform,\n"
		 "benefit,Gain,x,,,,once\n"
		 "cost,Spend,0 * y,,,,once\n", mu, mu - z95 * sigma, mu + z95 * sigma);
	crm_scenario *sc = load_text(text);
	for (int hist = 0; hist < 2; hist++) {
		crm_sim_options o = options(200000, 2);
		crm_sim_result res;
		crm_error err;
		if (hist)
			o.exact_max = 50000;
		assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
		assert_int_equal(res.tail_exact, !hist);
		for (int q = 0; q < CRM_SIM_NTAIL; q++) {
			double a = res.tail_level[q] / 100, za = gsl_cdf_ugaussian_Pinv(a);
			assert_close(res.var[q], mu + sigma * za, 0, 12000);
			assert_close(res.es[q], mu - sigma * gsl_ran_ugaussian_pdf(za) / a, 0, 15000);
		}
		assert_close(res.tail_level[0], 5, 0, 0);
		assert_close(res.var[0], 177573, 0, 12000);
		assert_close(res.es[0], -31356, 0, 15000);
		assert_close(res.es[1], 122500, 0, 15000);
		/* Drivers: over the rank store, the worst 10% (10,000 of 100,000 draws). */
		assert_int_equal(res.tail_draws, res.rank_draws / 10);
		assert_close(res.tail_mean[0], res.es[1], 0, 15000);
		assert_close(res.item_mean[0], mu, 0, 5 * sigma / sqrt((double)res.rank_draws));
		assert_close(res.item_sd[0], sigma, 0.02, 0);
		/* y: mean 5, sd 10 / sqrt(12); in 10,000 draws its mean moves by 0.029 (1 SE). */
		assert_close(res.tail_mean[1], 5, 0, 5 * (10 / sqrt(12)) / sqrt((double)res.tail_draws));
		crm_sim_result_free(&res);
	}
	/* Levels chosen: 1% and 20%; a level outside (0, 100) or out of order is refused. */
	crm_sim_options o = options(100000, 2);
	crm_sim_result res;
	crm_error err;
	o.tail_levels[0] = 1;
	o.tail_levels[1] = 20;
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
	double z01 = gsl_cdf_ugaussian_Pinv(0.01), z20 = gsl_cdf_ugaussian_Pinv(0.2);
	assert_close(res.var[0], mu + sigma * z01, 0, 25000);
	assert_close(res.es[1], mu - sigma * gsl_ran_ugaussian_pdf(z20) / 0.2, 0, 15000);
	assert_int_equal(res.tail_draws, res.rank_draws / 5);
	crm_sim_result_free(&res);
	o.tail_levels[0] = 30;
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_EUSAGE);
	o.tail_levels[0] = 0;
	o.tail_levels[1] = 100;
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_EUSAGE);
	crm_scenario_free(sc);
}

/* crm_simstats_low_mean: the mean of the m smallest, against a full sort. */
static void test_low_mean(void **state)
{
	(void)state;
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	size_t n = 10007;
	double *v = malloc(n * sizeof *v), *w = malloc(n * sizeof *w);
	assert_non_null(v);
	assert_non_null(w);
	for (size_t i = 0; i < n; i++)
		v[i] = floor(gsl_ran_gaussian(r, 100));   /* ties among them */
	static const size_t ms[] = { 1, 2, 17, 500, 1001, 10007 };
	for (size_t k = 0; k < sizeof ms / sizeof *ms; k++) {
		memcpy(w, v, n * sizeof *w);
		gsl_sort(w, 1, n);
		long double sum = 0;
		for (size_t i = 0; i < ms[k]; i++)
			sum += w[i];
		memcpy(w, v, n * sizeof *w);
		assert_close(crm_simstats_low_mean(w, n, ms[k]), (double)(sum / ms[k]), 1e-15, 1e-12);
	}
	free(v);
	free(w);
	gsl_rng_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distribution_moments),
		cmocka_unit_test(test_correlated_sampling),
		cmocka_unit_test(test_correlation_conflict),
		cmocka_unit_test(test_same_seed_same_result_any_jobs),
		cmocka_unit_test(test_npv_distribution_linear),
		cmocka_unit_test(test_histogram_percentiles),
		cmocka_unit_test(test_reference_share),
		cmocka_unit_test(test_precision_stop),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_summary_matches_full_evaluation),
		cmocka_unit_test(test_batch_matches_summary),
		cmocka_unit_test(test_batch_months_round),
		cmocka_unit_test(test_batch_random_scenarios),
		cmocka_unit_test(test_payback_lost_again),
		cmocka_unit_test(test_huge_ranges),
		cmocka_unit_test(test_sobol_linear),
		cmocka_unit_test(test_sobol_top_groups_the_rest),
		cmocka_unit_test(test_sobol_items_moving_several_lines),
		cmocka_unit_test(test_sobol_no_uncertainty),
		cmocka_unit_test(test_order_statistics),
		cmocka_unit_test(test_rank_correlation),
		cmocka_unit_test(test_rank_store_bounded),
		cmocka_unit_test(test_constant_metric),
		cmocka_unit_test(test_tail_risk_normal),
		cmocka_unit_test(test_peak_funding_tail),
		cmocka_unit_test(test_low_mean),
		cmocka_unit_test(test_irr_short_way_every_draw),
		cmocka_unit_test(test_jobs_identical_every_path),
	};
	crm_init();
	return cmocka_run_group_tests_name("simulate", tests, NULL, NULL);
}
