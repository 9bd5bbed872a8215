/*
 * test_joint.c - several scenarios on common random draws (crmroi/joint.h),
 * against analytic values: NPVs linear in one uniform input, so every
 * probability and percentile is a simple fraction, checked within 5
 * standard errors of the Monte Carlo estimate.
 */
#include "testutil.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <stdlib.h>

#define N 100000

/* NPV = a x - c with x uniform on 0..100, paid at month 0 (not discounted). */
static crm_scenario *linear(double a, double c, const char *extra)
{
	char text[1024];
	snprintf(text, sizeof text,
		 "kind,name,value,low,high,dist,timing,probability,group\n"
		 "input,x,50,0,100,uniform,,,\n"
		 "cost,Set-up,%.17g,,,,once,,\n"
		 "benefit,Y,%.17g * x,,,,once,,\n%s", c, a, extra);
	return load_text(text);
}

/* Within 5 standard errors of a proportion p estimated from n draws. */
static double tol_p(double p, double n)
{
	return 5 * sqrt(p * (1 - p) / n);
}

/*
 * A: NPV = 1000 x - 30000; B: NPV = 500 x - 10000. On common draws A beats B
 * exactly when x > 40: P = 0.6. (Drawn apart it would be P(2 x1 - x2 > 40) =
 * 0.55, which the test tells apart.) P(NPV < 0): A when x < 30, 0.3; B when
 * x < 20, 0.2. Percentiles of A: x at 10, 50, 90: -20000, 20000, 60000.
 */
static void test_common_draws(void **state)
{
	(void)state;
	crm_scenario *a = linear(1000, 30000, ""), *b = linear(500, 10000, "");
	const crm_scenario *both[2] = { a, b };
	crm_joint_options o = { .n = N, .seed = 7 };
	crm_joint_result r;
	crm_error err;

	crm_error_clear(&err);
	assert_int_equal(crm_joint_simulate(both, 2, &o, &r, &err), CRM_OK);
	assert_int_equal(r.nkeys, 1);
	assert_int_equal(r.nshared, 1);
	assert_int_equal(r.defined[0], N);
	assert_close(r.p_beats[0 * 2 + 1], 0.6, 0, tol_p(0.6, N));
	assert_close(r.p_beats[1 * 2 + 0], 0.4, 0, tol_p(0.4, N));
	assert_true(isnan(r.p_beats[0]));
	assert_close(r.p_best[0], 0.6, 0, tol_p(0.6, N));
	assert_close(r.p_best[0] + r.p_best[1], 1, 1e-12, 0);
	assert_close(r.p_negative[0], 0.3, 0, tol_p(0.3, N));
	assert_close(r.p_negative[1], 0.2, 0, tol_p(0.2, N));
	/* A quantile of x has a standard error of 100 sqrt(p (1 - p) / n); NPV 1000 times it. */
	assert_close(r.p10[0], -20000, 0, 5 * 1000 * 100 * sqrt(0.09 / N));
	assert_close(r.p50[0], 20000, 0, 5 * 1000 * 100 * sqrt(0.25 / N));
	assert_close(r.p90[0], 60000, 0, 5 * 1000 * 100 * sqrt(0.09 / N));
	assert_close(r.mean[1], 15000, 0, 5 * 500 * 100 / sqrt(12.0 * N));
	/* Every draw: A - B = 500 x - 20000 with the same x. */
	for (uint64_t d = 0; d < 1000; d++) {
		double xa = (r.npv[d] + 30000) / 1000, xb = (r.npv[N + d] + 10000) / 500;
		assert_close(xa, xb, 1e-9, 1e-9);
	}

	/* The draws depend on the seed and the values' names, not on the order of the scenarios. */
	const crm_scenario *swapped[2] = { b, a };
	crm_joint_result s;
	assert_int_equal(crm_joint_simulate(swapped, 2, &o, &s, &err), CRM_OK);
	assert_memory_equal(s.npv, r.npv + N, N * sizeof *s.npv);
	assert_memory_equal(s.npv + N, r.npv, N * sizeof *s.npv);
	crm_joint_result_free(&s);
	const crm_scenario *alone[1] = { a };
	assert_int_equal(crm_joint_simulate(alone, 1, &o, &s, &err), CRM_OK);
	assert_memory_equal(s.npv, r.npv, N * sizeof *s.npv);
	crm_joint_result_free(&s);
	crm_joint_result_free(&r);
	crm_scenario_free(a);
	crm_scenario_free(b);
}

/*
 * A gate drawn in common: both scenarios gate the same roll-out (60%), of
 * 10000 in A and 20000 in B. With g = 1 when it goes ahead (the same g in
 * both): A = 1000 x - 30000 + 10000 g, B = 500 x - 10000 + 20000 g, so A > B
 * when x > 40 + 20 g: P = 0.6 P(x > 60) + 0.4 P(x > 40) = 0.6 x 0.4 + 0.4 x
 * 0.6 = 0.48. In every draw (A + 30000) - 2 (B + 10000) = -30000 g: 0 or
 * -30000, never one gate without the other.
 */
static void test_common_gate(void **state)
{
	(void)state;
	crm_scenario *a = linear(1000, 30000, "benefit,Roll-out,10000,,,,once,60%,rollout\n");
	crm_scenario *b = linear(500, 10000, "benefit,Roll-out,20000,,,,once,60%,rollout\n");
	const crm_scenario *both[2] = { a, b };
	crm_joint_options o = { .n = N, .seed = 11 };
	crm_joint_result r;
	crm_error err;
	uint64_t ahead = 0;

	crm_error_clear(&err);
	assert_int_equal(crm_joint_simulate(both, 2, &o, &r, &err), CRM_OK);
	assert_int_equal(r.nkeys, 2);
	assert_int_equal(r.nshared, 2);
	assert_close(r.p_beats[1], 0.48, 0, tol_p(0.48, N));
	for (uint64_t d = 0; d < N; d++) {
		double g = ((r.npv[d] + 30000) - 2 * (r.npv[N + d] + 10000)) / -30000;
		assert_true(fabs(g) < 1e-9 || fabs(g - 1) < 1e-9);
		ahead += g > 0.5;
	}
	assert_close((double)ahead / N, 0.6, 0, tol_p(0.6, N));
	crm_joint_result_free(&r);
	crm_scenario_free(a);
	crm_scenario_free(b);
}

/*
 * After tax, each option at its own tax rate (losses set against other
 * profit, paid at the end of Year 1, discount rate 0 so that the tax is not
 * discounted): A = 1000 x - 30000 taxed at 50% is 500 x - 15000; B = 250 x -
 * 5000 at 0% stays so. After tax A beats B when 250 x > 10000, x > 40: P =
 * 0.6 (before tax when 750 x > 25000: 2/3, which the test tells apart).
 * A's P(NPV < 0) after tax: x < 30, 0.3; its P10: x = 10, -10000.
 */
static void test_common_draws_after_tax(void **state)
{
	(void)state;
	static const char tax[] = "kind,name,value,low,high,dist,timing\n"
		"setting,horizon_years,1\nsetting,discount_rate,0\nsetting,tax_losses,offset\n"
		"setting,tax_rate,%s\ninput,x,50,0,100,uniform,\n"
		"cost,Set-up,%s,,,,once\nbenefit,Y,%s * x,,,,once\n";
	char ta[512], tb[512];
	snprintf(ta, sizeof ta, tax, "50%", "30000", "1000");
	snprintf(tb, sizeof tb, tax, "0", "5000", "250");
	crm_scenario *a = load_text(ta), *b = load_text(tb);
	const crm_scenario *both[2] = { a, b };
	crm_joint_options o = { .n = N, .seed = 3, .after_tax = 1 };
	crm_joint_result r;
	crm_error err;

	crm_error_clear(&err);
	assert_int_equal(crm_joint_simulate(both, 2, &o, &r, &err), CRM_OK);
	assert_close(r.p_beats[0 * 2 + 1], 0.6, 0, tol_p(0.6, N));
	assert_close(r.p_best[1], 0.4, 0, tol_p(0.4, N));
	assert_close(r.p_negative[0], 0.3, 0, tol_p(0.3, N));
	assert_close(r.p10[0], -10000, 0, 5 * 500 * 100 * sqrt(0.09 / N));
	/* Each draw after tax: A's NPV is half of its NPV before tax, with the same x. */
	for (uint64_t d = 0; d < 1000; d++) {
		double xa = (r.npv[d] + 15000) / 500, xb = (r.npv[N + d] + 5000) / 250;
		assert_close(xa, xb, 1e-9, 1e-9);
	}
	crm_joint_result_free(&r);

	/* Before tax (after_tax 0) the same draws rank them by 750 x > 25000. */
	o.after_tax = 0;
	assert_int_equal(crm_joint_simulate(both, 2, &o, &r, &err), CRM_OK);
	assert_close(r.p_beats[0 * 2 + 1], 2.0 / 3, 0, tol_p(2.0 / 3, N));
	crm_joint_result_free(&r);
	crm_scenario_free(a);
	crm_scenario_free(b);
}

/* NPV = a y + b with y ~ Normal(100000, 50000), low and high its 5th and 95th percentiles. */
static crm_scenario *normal_linear(double a, double b)
{
	char text[1024];
	snprintf(text, sizeof text,
		 "kind,name,value,low,high,dist,timing\n"
		 "input,y,100000,%.17g,%.17g,normal,\n"
		 "benefit,Y,%.17g * y + %.17g,,,,once\n",
		 100000 - CRM_Z95 * 50000, 100000 + CRM_Z95 * 50000, a, b);
	return load_text(text);
}

/*
 * Stochastic dominance on common draws, by construction: y + 10000 (E)
 * dominates y (F) at first order, so at second order too, and is never worse
 * in any draw (by exactly 10000 better); 2 y - 100000 (G) has F's mean and
 * twice its spread, a mean-preserving spread: F dominates G at second order
 * but not at first (their distributions cross at the mean), and G does not
 * dominate F at all.
 */
static void test_dominance(void **state)
{
	(void)state;
	crm_scenario *e = normal_linear(1, 10000), *f = normal_linear(1, 0), *g = normal_linear(2, -100000);
	const crm_scenario *all[3] = { e, f, g };
	crm_joint_options o = { .n = 20000, .seed = 4 };
	crm_joint_result r;
	crm_error err;

	crm_error_clear(&err);
	assert_int_equal(crm_joint_simulate(all, 3, &o, &r, &err), CRM_OK);
	assert_true(r.fsd[0 * 3 + 1]);
	assert_true(r.ssd[0 * 3 + 1]);
	assert_false(r.fsd[1 * 3 + 0]);
	assert_false(r.ssd[1 * 3 + 0]);
	assert_close(r.worst_shortfall[0 * 3 + 1], -10000, 1e-9, 1e-6);
	assert_close(r.worst_shortfall[1 * 3 + 0], 10000, 1e-9, 1e-6);
	assert_close(r.p_beats[0 * 3 + 1], 1, 0, 0);
	assert_false(r.fsd[1 * 3 + 2]);
	assert_true(r.ssd[1 * 3 + 2]);
	assert_false(r.fsd[2 * 3 + 1]);
	assert_false(r.ssd[2 * 3 + 1]);
	assert_true(isnan(r.worst_shortfall[0]));
	crm_joint_result_free(&r);
	crm_scenario_free(e);
	crm_scenario_free(f);
	crm_scenario_free(g);
}

/*
 * Goal seek on a probability: NPV = 1000 x + y, y ~ Normal(-100000, 200000),
 * x certain (base 300). P(NPV < 0) = Phi((-1000 x + 100000) / 200000), which
 * is 10% at x = (100000 - 200000 z_0.1) / 1000 = 356.31 (z_0.1 = -1.28155,
 * GSL's inverse normal). With n draws the answer's standard error is
 * sqrt(0.09 / n) / (phi(z_0.1) x 1000 / 200000): 3.42 for 10,000; the band
 * where P is the target +/- two of its standard errors is about four of
 * them wide. The same with x uncertain: its draws move with its base.
 */
static void test_prob_goal(void **state)
{
	(void)state;
	char text[1024];
	double lo = -100000 - CRM_Z95 * 200000, hi = -100000 + CRM_Z95 * 200000;
	crm_prob_goal g;
	crm_error err;
	double want = (100000 - 200000 * gsl_cdf_ugaussian_Pinv(0.1)) / 1000;
	double se = sqrt(0.09 / 10000) / (gsl_ran_ugaussian_pdf(gsl_cdf_ugaussian_Pinv(0.1)) * 1000 /
					   200000);

	snprintf(text, sizeof text, "kind,name,value,low,high,dist,timing\n"
		 "input,x,300,,,,\ninput,y,-100000,%.17g,%.17g,normal,\n"
		 "benefit,B,1000 * x + y,,,,once\n", lo, hi);
	crm_scenario *sc = load_text(text);
	crm_error_clear(&err);
	assert_int_equal(crm_prob_goal_seek(sc, 0, 0.10, 0, 3000, 10000, 6, &g, &err), CRM_OK);
	assert_true(g.found);
	assert_close(g.value, want, 0, 5 * se);
	assert_close(g.p_base, gsl_cdf_ugaussian_P(-1), 0, 5 * sqrt(0.16 * 0.84 / 10000));
	assert_true(g.value_lo < g.value && g.value < g.value_hi);
	assert_close(g.value_hi - g.value_lo, 4 * se, 0.25, 0);
	/* A target the interval does not reach: not found, with P at its ends. */
	assert_int_equal(crm_prob_goal_seek(sc, 0, 0.10, 0, 200, 2000, 6, &g, &err), CRM_OK);
	assert_false(g.found);
	assert_true(g.p_lo > 0.1 && g.p_hi > 0.1);
	crm_scenario_free(sc);

	/* x uncertain, uniform around its base: its draws shift with it; the answer is the same
	 * within the error, as y dominates the spread (x's spread adds 1000 x 2 / sqrt(12)). */
	snprintf(text, sizeof text, "kind,name,value,low,high,dist,timing\n"
		 "input,x,300,299,301,uniform,\ninput,y,-100000,%.17g,%.17g,normal,\n"
		 "benefit,B,1000 * x + y,,,,once\n", lo, hi);
	sc = load_text(text);
	assert_int_equal(crm_prob_goal_seek(sc, 0, 0.10, 0, 3000, 10000, 6, &g, &err), CRM_OK);
	assert_close(g.value, want, 0, 5 * se);
	crm_scenario_free(sc);
	/* An input written as a formula has no single base value to move. */
	sc = load_text("kind,name,value\ninput,x,300\ninput,z,x * 2\nbenefit,B,z\n");
	assert_int_equal(crm_prob_goal_seek(sc, 1, 0.10, 0, 3000, 1000, 6, &g, &err), CRM_EUSAGE);
	crm_scenario_free(sc);
}

/* Values a scenario has alone are drawn too, and counted apart from the shared ones. */
static void test_keys_and_errors(void **state)
{
	(void)state;
	crm_scenario *a = linear(1000, 30000, ""), *b = load_text(
		"kind,name,value,low,high,dist,timing\n"
		"input,y,5,0,10,uniform,\n"
		"benefit,Z,y * 100,,,,once\n");
	const crm_scenario *both[2] = { a, b };
	crm_joint_options o = { .n = 1000, .seed = 1 };
	crm_joint_result r;
	crm_error err;

	crm_error_clear(&err);
	assert_int_equal(crm_joint_simulate(both, 2, &o, &r, &err), CRM_OK);
	assert_int_equal(r.nkeys, 2);
	assert_int_equal(r.nshared, 0);
	crm_joint_result_free(&r);

	assert_int_equal(crm_joint_simulate(both, 0, &o, &r, &err), CRM_EUSAGE);
	o.n = 1;
	assert_int_equal(crm_joint_simulate(both, 2, &o, &r, &err), CRM_EUSAGE);
	crm_joint_result_free(&r);
	crm_scenario_free(a);
	crm_scenario_free(b);
}

int main(void)
{
	crm_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_common_draws),
		cmocka_unit_test(test_common_gate),
		cmocka_unit_test(test_common_draws_after_tax),
		cmocka_unit_test(test_dominance),
		cmocka_unit_test(test_prob_goal),
		cmocka_unit_test(test_keys_and_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
