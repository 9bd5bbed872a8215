/*
 * test_voi.c - the value of information (crmroi/voi.h) against analytic
 * values, each within 5 of its Monte Carlo standard errors.
 *
 * NPV ~ Normal(m, s) against doing nothing: EVPI = E[max(NPV, 0)] - max(m, 0)
 * = s phi(m/s) - m Phi(-m/s) for m > 0 (the expected loss of going ahead,
 * the normal loss integral); m = 100,000 and s = 200,000 give 39,559.30.
 */
#include "testutil.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#define N 100000

static double evpi_normal(double m, double s)
{
	return s * gsl_ran_gaussian_pdf(m / s, 1) - m * gsl_cdf_ugaussian_P(-m / s);
}

/* NPV = x, x ~ Normal(100000, 200000) (low and high its 5th and 95th percentiles); z apart. */
static crm_scenario *normal_case(void)
{
	char text[1024];
	double lo = 100000 - CRM_Z95 * 200000, hi = 100000 + CRM_Z95 * 200000;

	snprintf(text, sizeof text,
		 "kind,name,value,low,high,dist,timing\n"
		 "input,x,100000,%.17g,%.17g,normal,\n"
		 "input,z,5,0,10,uniform,\n"
		 "benefit,Gain,x + 0 * z,,,,once\n", lo, hi);
	return load_text(text);
}

static void test_evpi_normal(void **state)
{
	(void)state;
	crm_scenario *sc = normal_case();
	const crm_scenario *one[1] = { sc };
	const char *groups[1] = { "x, z" };
	crm_voi_options o = { N, 5, 0, groups, 1 };
	crm_voi_result r;
	crm_error err;
	double want = evpi_normal(100000, 200000);

	assert_close(want, 39559.3, 0, 0.05);   /* the figure, to the cent */
	crm_error_clear(&err);
	assert_int_equal(crm_voi(one, 1, &o, &r, &err), CRM_OK);
	assert_int_equal(r.noptions, 2);
	assert_true(r.nothing);
	assert_int_equal(r.best, 0);   /* going ahead: mean 100,000 against 0 */
	assert_true(r.evpi_se > 0 && r.evpi_se < 1000);
	assert_close(r.evpi, want, 0, 5 * r.evpi_se);
	/* Going ahead is the wrong choice when x < 0: P = Phi(-0.5). */
	assert_close(r.p_change, gsl_cdf_ugaussian_P(-0.5), 0, 5 * sqrt(0.31 * 0.69 / N));
	assert_int_equal(r.nvalues, 3);
	assert_int_equal(r.ngroups, 1);
	const crm_voi_value *x = &r.values[0], *z = &r.values[1], *g = &r.values[2];
	assert_string_equal(x->name, "x");
	assert_int_equal(x->kind, CRM_VOI_INPUT);
	assert_false(x->discrete);
	/* Knowing x is knowing NPV: the EVPPI of x is the EVPI. */
	assert_close(x->evppi, want, 0, 5 * x->se + 5 * r.evpi_se);
	/* z does not enter NPV: nothing, within the estimator's noise. */
	assert_true(z->evppi >= 0 && z->evppi <= 5 * z->se + 1);
	assert_string_equal(g->name, "x, z");
	assert_int_equal(g->kind, CRM_VOI_GROUP);
	assert_int_equal(g->nmembers, 2);
	assert_close(g->evppi, want, 0, 5 * g->se + 5 * r.evpi_se);
	for (size_t i = 0; i < r.nvalues; i++)
		assert_true(r.values[i].evppi <= r.evpi);
	crm_voi_result_free(&r);
	crm_scenario_free(sc);
}

/*
 * Two options on common draws: A = 1000 x - 30000, B = 500 x - 10000 with x
 * uniform on 0..100. Means 20,000 and 15,000: A without information. B is
 * better when x < 40, by 20000 - 500 x: EVPI = integral from 0 to 40 of
 * (20000 - 500 x) / 100 dx = (800000 - 400000) / 100 = 4,000. A gate both
 * share (60%, worth 10000 to A and 20000 to B: B better by 10000 more when
 * it goes ahead) is a discrete value whose EVPPI is computed by hand below.
 */
static void test_evpi_two_options(void **state)
{
	(void)state;
	crm_scenario *a = load_text("kind,name,value,low,high,dist,timing\n"
				    "input,x,50,0,100,uniform,\n"
				    "cost,Set-up,30000,,,,once\n"
				    "benefit,Y,1000 * x,,,,once\n");
	crm_scenario *b = load_text("kind,name,value,low,high,dist,timing\n"
				    "input,x,50,0,100,uniform,\n"
				    "cost,Set-up,10000,,,,once\n"
				    "benefit,Y,500 * x,,,,once\n");
	const crm_scenario *both[2] = { a, b };
	crm_voi_options o = { N, 9, 0, NULL, 0 };
	crm_voi_result r;
	crm_error err;

	crm_error_clear(&err);
	assert_int_equal(crm_voi(both, 2, &o, &r, &err), CRM_OK);
	assert_int_equal(r.noptions, 2);
	assert_false(r.nothing);
	assert_int_equal(r.best, 0);
	assert_close(r.mean[0], 20000, 0, 5 * 1000 * 100 / sqrt(12.0 * N));
	assert_close(r.evpi, 4000, 0, 5 * r.evpi_se);
	assert_close(r.values[0].evppi, 4000, 0, 5 * r.values[0].se + 5 * r.evpi_se);
	assert_close(r.p_change, 0.4, 0, 5 * sqrt(0.24 / N));
	crm_voi_result_free(&r);
	crm_scenario_free(a);
	crm_scenario_free(b);
}

/*
 * A gate alone: NPV = -c + g s with g = 1 with p = 0.7 (s = 100,000 when the
 * roll-out goes ahead, c = 50,000 spent either way) against doing nothing.
 * Mean 20,000: go ahead. Known beforehand, the gate is worth avoiding the
 * loss c when it would fail: EVPPI = EVPI = (1 - p) c = 15,000, estimated by
 * the gate's two means (discrete).
 */
static void test_evppi_gate(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing,probability,group\n"
				     "cost,Pilot,50000,once,,\n"
				     "benefit,Roll-out,100000,once,70%,rollout\n");
	const crm_scenario *one[1] = { sc };
	crm_voi_options o = { N, 2, 0, NULL, 0 };
	crm_voi_result r;
	crm_error err;

	crm_error_clear(&err);
	assert_int_equal(crm_voi(one, 1, &o, &r, &err), CRM_OK);
	assert_close(r.evpi, 15000, 0, 5 * r.evpi_se);
	assert_int_equal(r.nvalues, 1);
	assert_int_equal(r.values[0].kind, CRM_VOI_GATE);
	assert_true(r.values[0].discrete);
	/* The gate's EVPPI is the EVPI draw by draw: the same estimate. */
	assert_close(r.values[0].evppi, r.evpi, 1e-9, 1e-6);
	crm_voi_result_free(&r);
	crm_scenario_free(sc);
}

/*
 * A two-branch pilot: the pilot costs c = 50,000; with chance p = 60% it
 * succeeds and the roll-out may go ahead, worth s = 80,000 - 100,000 =
 * -20,000. Committing now: -c + p s = -62,000. Deciding at the gate, the
 * roll-out never goes ahead (s < 0): -c + p max(s, 0) + (1 - p) max(f, 0)
 * with f = 0 (a failed pilot stops it) = -50,000, an option worth 12,000,
 * stopping in the 60% of draws where the chance allowed it. The decide input
 * is certain: the decision rests on the mean alone.
 */
static void test_decide_two_branch(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing,probability,group,decide\n"
				     "setting,discount_rate,0,,,,\n"
				     "input,k,1,,,,\n"
				     "cost,Pilot,50000,once,,,\n"
				     "cost,Roll-out,100000 * k,once,60%,rollout,k\n"
				     "benefit,Roll-out margin,80000,once,60%,rollout,\n");
	crm_decide_result r;
	crm_error err;

	crm_error_clear(&err);
	assert_int_equal(crm_decide(sc, N, 3, &r, &err), CRM_OK);
	assert_int_equal(r.ngates, 1);
	const crm_gate_decision *g = &r.gates[0];
	assert_close(g->probability, 0.6, 1e-12, 0);
	assert_close(g->commit, -50000 - 0.6 * 20000, 0, 5 * 20000 * sqrt(0.24 / N));
	assert_close(g->decide, -50000, 1e-12, 1e-6);
	assert_close(g->option, 0.6 * 20000, 0, 5 * 20000 * sqrt(0.24 / N));
	assert_close(g->p_stop, 0.6, 0, 5 * sqrt(0.24 / N));
	assert_int_equal(g->nobserved, 0);
	crm_decide_result_free(&r);
	crm_scenario_free(sc);
}

/*
 * A roll-out worth 1000 (x - 50), x uniform on 0 to 100 and observed at the
 * gate (no chance): committing now is worth E = 0; deciding, E[1000 (x -
 * 50)+] = 1000 x 50^2 / 2 / 100 = 12,500, stopping when x < 50 (half the
 * draws).
 */
static void test_decide_observed(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,low,high,dist,timing,group,decide\n"
				     "setting,discount_rate,0,,,,,,\n"
				     "input,x,50,0,100,uniform,,,\n"
				     "benefit,Roll-out,1000 * (x - 50),,,,once,rollout,x\n");
	crm_decide_result r;
	crm_error err;

	crm_error_clear(&err);
	assert_int_equal(crm_decide(sc, N, 8, &r, &err), CRM_OK);
	const crm_gate_decision *g = &r.gates[0];
	assert_int_equal(g->nobserved, 1);
	/* x's draws: SD 28.9, so a mean of 1000 (x - 50) has a standard error of 91. */
	assert_close(g->commit, 0, 0, 5 * 1000 * 100 / sqrt(12.0 * N));
	assert_close(g->decide, 12500, 0, 5 * g->option_se + 5 * 91);
	assert_close(g->p_stop, 0.5, 0, 5 * sqrt(0.25 / N));
	assert_true(g->p_negative_decide == 0);
	crm_decide_result_free(&r);
	crm_scenario_free(sc);
}

/*
 * The option to invest at a fixed cost in a lognormal value, written as
 * Black and Scholes price a call: S = 42, K = 40, r = 10% (continuous: the
 * discount rate e^0.1 - 1 a year), sigma = 20%, T = 0.5 (month 6 of the
 * monthly grid, discounted by (1 + rate)^-0.5 = e^-0.05). The value at T is
 * lognormal, ln V ~ N(ln 42 + (r - sigma^2 / 2) T, sigma^2 T); the roll-out
 * pays V - 40 at month 6 and is decided on V then. Its value is the call's:
 * S N(d1) - K e^-rT N(d2) = 4.7594 (Hull's example), computed here with GSL.
 */
static void test_decide_black_scholes(void **state)
{
	(void)state;
	double S = 42, K = 40, r = 0.1, s = 0.2, T = 0.5;
	double mu = log(S) + (r - s * s / 2) * T, sd = s * sqrt(T);
	double d1 = (log(S / K) + (r + s * s / 2) * T) / (s * sqrt(T)), d2 = d1 - s * sqrt(T);
	double call = S * gsl_cdf_ugaussian_P(d1) - K * exp(-r * T) * gsl_cdf_ugaussian_P(d2);
	char text[1024];

	assert_close(call, 4.7594, 0, 5e-5);
	snprintf(text, sizeof text, "kind,name,value,low,high,dist,timing,start,group,decide\n"
		 "setting,period,month,,,,,,,\nsetting,horizon_years,1,,,,,,,\n"
		 "setting,discount_rate,%.17g,,,,,,,\n"
		 "input,v,42,%.17g,%.17g,lognormal,,,,\n"
		 "benefit,Follow-on value,v,,,,once,6,follow_on,v\n"
		 "cost,Investment,40,,,,once,6,follow_on,\n",
		 exp(r) - 1, exp(mu - CRM_Z95 * sd), exp(mu + CRM_Z95 * sd));
	crm_scenario *sc = load_text(text);
	crm_decide_result res;
	crm_error err;

	crm_error_clear(&err);
	assert_int_equal(crm_decide(sc, N, 11, &res, &err), CRM_OK);
	const crm_gate_decision *g = &res.gates[0];
	/* The payoff's SD is about 4.5: a standard error of 0.014 on 100,000 draws. */
	assert_close(g->decide, call, 0, 5 * 4.5 / sqrt(N));
	/* Committing now is the forward's value: S - K e^-rT = 3.951. */
	assert_close(g->commit, S - K * exp(-r * T), 0, 5 * 6.5 / sqrt(N));
	crm_decide_result_free(&res);
	crm_scenario_free(sc);
}

static void test_voi_errors(void **state)
{
	(void)state;
	crm_scenario *sc = normal_case();
	const crm_scenario *one[1] = { sc };
	const char *groups[1] = { "x, nothing_here" };
	crm_voi_options o = { 50, 1, 0, NULL, 0 };
	crm_voi_result r;
	crm_error err;

	crm_error_clear(&err);
	assert_int_equal(crm_voi(one, 1, &o, &r, &err), CRM_EUSAGE);
	crm_voi_result_free(&r);
	o.n = 1000;
	o.groups = groups;
	o.ngroups = 1;
	assert_int_equal(crm_voi(one, 1, &o, &r, &err), CRM_EUSAGE);
	assert_non_null(strstr(err.msg, "'nothing_here' is not an uncertain value"));
	crm_voi_result_free(&r);
	crm_scenario_free(sc);
}

int main(void)
{
	crm_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_evpi_normal),
		cmocka_unit_test(test_evpi_two_options),
		cmocka_unit_test(test_evppi_gate),
		cmocka_unit_test(test_decide_two_branch),
		cmocka_unit_test(test_decide_observed),
		cmocka_unit_test(test_decide_black_scholes),
		cmocka_unit_test(test_voi_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
