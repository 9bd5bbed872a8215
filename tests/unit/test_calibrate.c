/*
 * test_calibrate.c - how good were the estimates (crmroi/calibrate.h),
 * against values computed here: the exact binomial interval by bisection on
 * the binomial distribution, the Brier score by hand, the percentiles of a
 * triangular's mode by its closed form and of a PERT's mean by the Beta CDF.
 */
#include "testutil.h"

#include <gsl/gsl_cdf.h>
#include <stdlib.h>

/* The scenario and its actuals, from text. */
static crm_actuals *actuals_of(const crm_scenario *sc, const char *text)
{
	crm_actuals *a = crm_actuals_new(sc);
	crm_error err;

	crm_error_clear(&err);
	if (crm_actuals_parse(a, text, strlen(text), "actuals.csv", 0, &err) != CRM_OK) {
		print_error("actuals: %d:%d: %s\n", err.line, err.col, err.msg);
		fail();
	}
	return a;
}

/*
 * The Clopper-Pearson bounds by their definition: the lower is the p at
 * which P(X >= k) = 2.5%, the upper where P(X <= k) = 2.5%, X ~ Bin(n, p),
 * found by bisection on GSL's binomial CDF.
 */
static double cp_bound(unsigned k, unsigned n, int upper)
{
	double lo = 0, hi = 1;

	for (int it = 0; it < 200; it++) {
		double p = (lo + hi) / 2;
		double tail = upper ? gsl_cdf_binomial_P(k, p, n) : gsl_cdf_binomial_Q(k - 1, p, n);
		/* The lower bound: tail rises with p; the upper: it falls. */
		if (upper ? tail > 0.025 : tail < 0.025)
			lo = p;
		else
			hi = p;
	}
	return (lo + hi) / 2;
}

/*
 * Twenty inputs of one owner, uniform on 0 to 100: realised values at 50
 * (inside every interval) for 11 of them and at 99 (outside the 90% one,
 * 5 to 95) for 9: coverage 55% with the exact interval; the 80% interval
 * (10 to 90) holds the same 11. The widening factor for 90% takes the
 * ceil(0.9 x 20) = 18th smallest factor: a value at 99 needs (99 - 50) /
 * (95 - 50) = 1.0889, which then holds all 20 (at least 90%).
 */
static void test_coverage(void **state)
{
	(void)state;
	char sctext[4096] = "kind,name,value,low,high,dist,owner\n";
	char actext[4096] = "period,kind,name,value\n";
	for (int i = 0; i < 20; i++) {
		crm_appendf(sctext, sizeof sctext, "input,x%d,50,0,100,uniform,Sales\n", i);
		crm_appendf(actext, sizeof actext, "6,input,x%d,%d\n", i, i < 11 ? 50 : 99);
	}
	crm_appendf(sctext, sizeof sctext, "benefit,B,x0,,,,\n");
	crm_scenario *sc = load_text(sctext);
	crm_actuals *a = actuals_of(sc, actext);
	crm_calibration c;
	crm_error err;

	assert_int_equal(crm_calibrate(sc, a, &c, &err), CRM_OK);
	assert_int_equal(c.nvalues, 20);
	assert_int_equal(c.nowners, 1);
	const crm_calib_owner *o = &c.owners[0];
	assert_string_equal(o->owner, "Sales");
	assert_int_equal(o->n, 20);
	assert_close(o->cov90, 0.55, 1e-15, 0);
	assert_close(o->cov80, 0.55, 1e-15, 0);
	assert_close(o->lo90, cp_bound(11, 20, 0), 1e-9, 1e-12);
	assert_close(o->hi90, cp_bound(11, 20, 1), 1e-9, 1e-12);
	assert_close(o->lo90, 0.3153, 0, 5e-4);   /* a published table's 0.3153 to 0.7694 */
	assert_close(o->hi90, 0.7694, 0, 5e-4);
	assert_close(o->widen, 49.0 / 45.0, 1e-12, 0);
	/* Percentiles: 0.5 for the 11, 0.99 for the 9: bins 5 and 9. */
	assert_int_equal(c.hist[5], 11);
	assert_int_equal(c.hist[9], 9);
	crm_calibration_free(&c);
	crm_actuals_free(a);
	crm_scenario_free(sc);
}

/*
 * Widening reaches the coverage on the same data by construction, and on a
 * held-out half generated the same way it stays within its binomial
 * interval. 200 inputs Normal(0, 1) (low and high their 5th and 95th
 * percentiles) whose realised values come from Normal(0, 2): the first
 * hundred give the factor, the second hundred are judged with widened ranges.
 */
static void test_widening(void **state)
{
	(void)state;
	size_t cap = 64 * 1024;
	char *sctext = malloc(cap), *a1 = malloc(cap), *a2 = malloc(cap);
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	double z = gsl_cdf_ugaussian_Pinv(0.95);

	gsl_rng_set(r, 7);
	snprintf(sctext, cap, "kind,name,value,low,high,dist,owner\n");
	snprintf(a1, cap, "period,kind,name,value\n");
	snprintf(a2, cap, "period,kind,name,value\n");
	for (int i = 0; i < 200; i++) {
		crm_appendf(sctext, cap, "input,x%d,0,%.17g,%.17g,normal,Ops\n", i, -z, z);
		crm_appendf(i < 100 ? a1 : a2, cap, "3,input,x%d,%.17g\n", i,
			    2 * gsl_cdf_ugaussian_Pinv(gsl_rng_uniform_pos(r)));
	}
	crm_appendf(sctext, cap, "benefit,B,x0,,,,\n");
	crm_scenario *sc = load_text(sctext);
	crm_actuals *first = actuals_of(sc, a1), *second = actuals_of(sc, a2);
	crm_calibration c, d;
	crm_error err;

	assert_int_equal(crm_calibrate(sc, first, &c, &err), CRM_OK);
	double f = c.owners[0].widen;
	/* Overconfident by about 2: the factor is near it, and above 1. */
	assert_true(f > 1.4 && f < 3);
	/* On the same data, widened ranges hold at least 90%. */
	size_t held = 0;
	for (size_t i = 0; i < c.nvalues; i++)
		held += c.values[i].factor <= f;
	assert_true(held >= 90);
	/* On the held-out half: within its binomial interval around 90%. */
	assert_int_equal(crm_calibrate(sc, second, &d, &err), CRM_OK);
	held = 0;
	for (size_t i = 0; i < d.nvalues; i++)
		held += d.values[i].factor <= f;
	assert_true(held >= (size_t)(100 * cp_bound(90, 100, 0)) - 1);
	assert_true(held <= (size_t)(100 * cp_bound(90, 100, 1)) + 1);
	crm_calibration_free(&c);
	crm_calibration_free(&d);
	crm_actuals_free(first);
	crm_actuals_free(second);
	crm_scenario_free(sc);
	gsl_rng_free(r);
	free(sctext);
	free(a1);
	free(a2);
}

/*
 * Percentiles by the closed forms: a triangular 0, 30, 100 at its mode is
 * (30 - 0) / (100 - 0) = 0.3; a PERT 0, 30, 100 at its mean (0 + 4 x 30 +
 * 100) / 6 = 36.667 is the Beta(2.2, 3.8) CDF at 0.36667 (GSL). Events: the
 * Brier score of (0.7, happened) and (0.2, did not) is ((0.3)^2 + (0.2)^2) /
 * 2 = 0.065.
 */
static void test_percentiles_and_brier(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,low,high,dist,timing,probability,group,owner\n"
				     "input,t,30,0,100,triangular,,,,A\n"
				     "input,p,30,0,100,pert,,,,B\n"
				     "cost,Overrun,1000,,,,once,20%,,C\n"
				     "benefit,Rollout,t + p,,,,yearly,70%,rollout,C\n");
	crm_actuals *a = actuals_of(sc, "period,kind,name,value\n"
				    "2,input,t,30\n"
				    "2,input,p,36.666666666666667\n"
				    "9,event,rollout,1\n"
				    "9,event,Overrun,no\n");
	crm_calibration c;
	crm_error err;

	assert_int_equal(crm_calibrate(sc, a, &c, &err), CRM_OK);
	assert_int_equal(c.nvalues, 2);
	assert_close(c.values[0].pit, 0.3, 1e-12, 0);
	assert_close(c.values[1].pit, gsl_cdf_beta_P(0.36666666666666667, 2.2, 3.8), 1e-12, 0);
	assert_int_equal(c.nevents, 2);
	assert_close(c.brier, 0.065, 1e-12, 0);
	crm_calibration_free(&c);
	crm_actuals_free(a);
	crm_scenario_free(sc);
}

/* Realised values and events name what the plan has: located errors otherwise. */
static void test_realised_errors(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing,probability\n"
				     "input,x,5,,\ncost,Setup,10,once,\ncost,Risk,10,once,30%\n");
	crm_actuals *a = crm_actuals_new(sc);
	crm_error err;
	static const struct { const char *row, *msg; } bad[] = {
		{ "1,input,y,3", "input 'y' is not in the plan" },
		{ "1,event,Setup,1", "has no probability below 1" },
		{ "1,event,Risk,maybe", "expected 1 when it happened" },
		{ "1,event,Nothing,1", "event 'Nothing' is not in the plan" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[256];
		snprintf(text, sizeof text, "period,kind,name,value\n%s\n", bad[i].row);
		crm_error_clear(&err);
		assert_int_equal(crm_actuals_parse(a, text, strlen(text), "a.csv", 0, &err), CRM_EDATA);
		assert_int_equal(err.line, 2);
		assert_non_null(strstr(err.msg, bad[i].msg));
	}
	crm_actuals_free(a);
	crm_scenario_free(sc);
}

int main(void)
{
	crm_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_coverage),
		cmocka_unit_test(test_widening),
		cmocka_unit_test(test_percentiles_and_brier),
		cmocka_unit_test(test_realised_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
