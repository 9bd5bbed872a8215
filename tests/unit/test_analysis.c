/*
 * test_analysis.c - sensitivity analysis against independent values.
 *
 * Break-even values: ../shared/oracle/analytic_refs.py, section
 * break_even_level_benefit (the level annual benefit B with B x annuity
 * factor = investment I). Data tables: each point must equal a separate
 * evaluation of the scenario written with that value. Tornado: a scenario
 * linear in its inputs, whose deltas are worked by hand.
 */
#include "testutil.h"

#include <stdlib.h>

static crm_analysis *analysis_of(crm_scenario *sc)
{
	crm_error err;
	crm_error_clear(&err);
	crm_analysis *a = crm_analysis_new(sc, &err);
	assert_non_null(a);
	return a;
}

static crm_value metric_of_text(const char *text, crm_metric_id m)
{
	crm_scenario *sc = load_text(text);
	crm_analysis *a = analysis_of(sc);
	crm_value v;
	crm_error err;
	assert_int_equal(crm_analysis_eval(a, &m, 1, &v, &err), CRM_OK);
	crm_analysis_free(a);
	crm_scenario_free(sc);
	return v;
}

static void expect_breakeven(const char *text, const char *name, double want)
{
	crm_scenario *sc = load_text(text);
	crm_analysis *a = analysis_of(sc);
	crm_param p;
	crm_breakeven be;
	crm_error err;
	double lo, hi;
	assert_int_equal(crm_param_find(sc, name, &p, &err), CRM_OK);
	crm_breakeven_interval(&p, &lo, &hi);
	assert_int_equal(crm_breakeven_solve(a, &p, CRM_METRIC_NPV, 0, lo, hi, &be, &err), CRM_OK);
	assert_int_equal(be.status, CRM_BE_FOUND);
	assert_close(be.value, want, REL, 0);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

static void test_breakeven_annuity(void **state)
{
	(void)state;
	/* I = 1000, r = 10%, n = 5: B = 263.797480794745376816104568312. */
	expect_breakeven("kind,name,value,timing\nsetting,horizon_years,5\n"
			 "input,benefit,400\ncost,Investment,1000,once\n"
			 "benefit,Level benefit,benefit,yearly\n", "benefit",
			 263.797480794745376816104568312);
	/* I = 250000, r = 8%, n = 10: B = 37257.3721742688568691579862856. */
	expect_breakeven("kind,name,value,timing\nsetting,horizon_years,10\n"
			 "setting,discount_rate,8%\ninput,benefit,50000\n"
			 "cost,Investment,250000,once\nbenefit,Level benefit,benefit,yearly\n",
			 "benefit", 37257.3721742688568691579862856);
	/* The same, solved for the investment (a line): I = B x annuity factor
	 * = 50000 x 6.71008139894144399415702502134. */
	expect_breakeven("kind,name,value,timing\nsetting,horizon_years,10\n"
			 "setting,discount_rate,8%\n"
			 "cost,Investment,250000,once\nbenefit,Level benefit,50000,yearly\n",
			 "Investment", 50000 * 6.71008139894144399415702502134);
	/* r = 0, n = 4: B = 250. */
	expect_breakeven("kind,name,value,timing\nsetting,horizon_years,4\n"
			 "setting,discount_rate,0%\ninput,benefit,300\ncost,Investment,1000,once\n"
			 "benefit,Level benefit,benefit,yearly\n", "benefit", 250);
	/* The break-even discount rate is the IRR: -10000, 10000 x 3 has IRR
	 * 0.8392867552141611325518526 (oracle, mpmath). */
	crm_scenario *sc = load_text("kind,name,value,timing\ncost,Set-up,10000\n"
				     "benefit,Net,10000,yearly\n");
	crm_analysis *a = analysis_of(sc);
	crm_param p;
	crm_breakeven be;
	crm_error err;
	assert_int_equal(crm_param_find(sc, "discount_rate", &p, &err), CRM_OK);
	assert_int_equal(crm_breakeven_solve(a, &p, CRM_METRIC_NPV, 0, 0, 2, &be, &err), CRM_OK);
	assert_int_equal(be.status, CRM_BE_FOUND);
	assert_close(be.value, 0.8392867552141611325518526, REL, 0);
	assert_close(be.change, (0.8392867552141611325518526 - 0.1) / 0.1, 1e-8, 0);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

static void test_breakeven_statuses(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing\n"
				     "input,unused,5\ninput,price,100\ninput,derived,price * 2\n"
				     "cost,Set-up,1000\nbenefit,Sales,price * 10,yearly\n");
	crm_analysis *a = analysis_of(sc);
	crm_param p;
	crm_breakeven be;
	crm_error err;
	assert_int_equal(crm_param_find(sc, "unused", &p, &err), CRM_OK);
	assert_int_equal(crm_breakeven_solve(a, &p, CRM_METRIC_NPV, 0, 0, 50, &be, &err), CRM_OK);
	assert_int_equal(be.status, CRM_BE_FLAT);
	assert_int_equal(crm_param_find(sc, "derived", &p, &err), CRM_OK);
	assert_int_equal(crm_breakeven_solve(a, &p, CRM_METRIC_NPV, 0, 0, 50, &be, &err), CRM_OK);
	assert_int_equal(be.status, CRM_BE_NO_BASE);
	/* Between 50 and 1000 NPV stays positive (break-even 40.21 is below). */
	assert_int_equal(crm_param_find(sc, "price", &p, &err), CRM_OK);
	assert_int_equal(crm_breakeven_solve(a, &p, CRM_METRIC_NPV, 0, 50, 1000, &be, &err), CRM_OK);
	assert_int_equal(be.status, CRM_BE_NONE);
	assert_true(be.at_lo.ok && be.at_lo.v > 0);
	/* And the parameter is back at its base afterwards. */
	crm_value v;
	crm_metric_id m = CRM_METRIC_NPV;
	assert_int_equal(crm_analysis_eval(a, &m, 1, &v, &err), CRM_OK);
	assert_close(v.v, metric_of_text("kind,name,value,timing\ncost,Set-up,1000\n"
					 "benefit,Sales,1000,yearly\n", CRM_METRIC_NPV).v, REL, 0);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

static void test_breakeven_horizon(void **state)
{
	(void)state;
	/* -1000 then 400 a year at 10%: PV of 3 years of benefits is 400 x 2.4868520 =
	 * 994.7 < 1000, of 4 years 400 x 3.1698654 = 1267.9: NPV >= 0 from 4 years. */
	crm_scenario *sc = load_text("kind,name,value,timing\nsetting,horizon_years,6\n"
				     "cost,Set-up,1000\nbenefit,Net,400,yearly\n");
	crm_analysis *a = analysis_of(sc);
	crm_param p;
	crm_breakeven be;
	crm_error err;
	assert_int_equal(crm_param_find(sc, "horizon_years", &p, &err), CRM_OK);
	assert_true(p.whole);
	assert_int_equal(crm_breakeven_solve(a, &p, CRM_METRIC_NPV, 0, 1, 50, &be, &err), CRM_OK);
	assert_int_equal(be.status, CRM_BE_FOUND);
	assert_close(be.value, 4, 0, 0);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

static void test_sweep_equals_runs(void **state)
{
	(void)state;
	static const char *base =
		"kind,name,value,timing,start,ramp\nsetting,horizon_years,4\n"
		"input,leads,%s\ninput,uplift,2.5%%\n"
		"cost,Licences,12000,yearly\ncost,Set-up,%s,once\n"
		"benefit,Deals,leads * uplift * 2385.5,yearly,4,6\n";
	char text[1024];
	snprintf(text, sizeof text, base, "1000", "40000");
	crm_scenario *sc = load_text(text);
	crm_analysis *a = analysis_of(sc);
	crm_param leads, setup, disc;
	crm_error err;
	crm_metric_id ms[] = { CRM_METRIC_NPV, CRM_METRIC_IRR, CRM_METRIC_PAYBACK };
	assert_int_equal(crm_param_find(sc, "leads", &leads, &err), CRM_OK);
	assert_int_equal(crm_param_find(sc, "Set-up", &setup, &err), CRM_OK);
	assert_int_equal(setup.kind, CRM_PARAM_LINE);
	assert_int_equal(crm_param_find(sc, "discount_rate", &disc, &err), CRM_OK);
	size_t n;
	assert_int_equal(crm_steps(500, 2000, 250, 1e6, &n, &err), CRM_OK);
	assert_int_equal(n, 7);
	for (size_t i = 0; i < n; i++) {
		double x = crm_step_value(500, 2000, 250, i);
		crm_value got[3];
		assert_int_equal(crm_analysis_set(a, &leads, x, &err), CRM_OK);
		assert_int_equal(crm_analysis_set(a, &setup, 35000 + 1000 * (double)i, &err), CRM_OK);
		assert_int_equal(crm_analysis_eval(a, ms, 3, got, &err), CRM_OK);
		char lv[32], sv[32];
		snprintf(lv, sizeof lv, "%.17g", x);
		snprintf(sv, sizeof sv, "%.17g", 35000 + 1000 * (double)i);
		snprintf(text, sizeof text, base, lv, sv);
		for (int k = 0; k < 3; k++) {
			crm_value want = metric_of_text(text, ms[k]);
			assert_int_equal(got[k].ok, want.ok);
			if (want.ok)
				assert_close(got[k].v, want.v, 1e-12, 0);
		}
	}
	crm_analysis_reset(a, &leads);
	crm_analysis_reset(a, &setup);
	/* A setting: the discount rate, against crm_npv of the base flows. */
	crm_model *m = crm_model_new(sc, &err);
	crm_cashflow *cf = crm_cashflow_new(m);
	assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
	for (double r = 0; r <= 0.3001; r += 0.05) {
		crm_value got;
		crm_metric_id npv = CRM_METRIC_NPV;
		assert_int_equal(crm_analysis_set(a, &disc, r, &err), CRM_OK);
		assert_int_equal(crm_analysis_eval(a, &npv, 1, &got, &err), CRM_OK);
		assert_close(got.v, crm_npv(cf->net, 5, 1, r), 1e-12, 1e-9);
	}
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

static void test_horizon_setting(void **state)
{
	(void)state;
	/* A line with an end past the horizon keeps it when the horizon grows. */
	crm_scenario *sc = load_text("kind,name,value,timing,end\nsetting,horizon_years,2\n"
				     "benefit,To month 30,1200,yearly,30\nbenefit,Open-ended,100,yearly\n");
	crm_analysis *a = analysis_of(sc);
	crm_param h;
	crm_error err;
	crm_metric_id m = CRM_METRIC_PV_BENEFITS;
	crm_value v;
	assert_int_equal(crm_param_find(sc, "horizon_years", &h, &err), CRM_OK);
	assert_int_equal(crm_analysis_set(a, &h, 4, &err), CRM_OK);
	assert_int_equal(crm_analysis_eval(a, &m, 1, &v, &err), CRM_OK);
	/* 1300, 1300, 700 (600 + 100), 100 at 10%. */
	double want = 1300 / 1.1 + 1300 / 1.21 + 700 / 1.331 + 100 / 1.4641;
	assert_close(v.v, want, 1e-12, 0);
	assert_int_equal(crm_analysis_set(a, &h, 2.5, &err), CRM_EUSAGE);
	assert_int_equal(crm_analysis_set(a, &h, 51, &err), CRM_EUSAGE);
	crm_param br;
	assert_int_equal(crm_param_find(sc, "benefit_risk", &br, &err), CRM_OK);
	assert_int_equal(crm_analysis_set(a, &br, 1.5, &err), CRM_EUSAGE);
	crm_analysis_reset(a, &h);
	assert_int_equal(crm_analysis_set(a, &br, 0.25, &err), CRM_OK);
	assert_int_equal(crm_analysis_eval(a, &m, 1, &v, &err), CRM_OK);
	assert_close(v.v, 0.75 * (1300 / 1.1 + 1300 / 1.21), 1e-12, 0);
	assert_int_equal(crm_param_find(sc, "nothing", &br, &err), CRM_EUSAGE);
	assert_contains(err.msg, "'nothing' is not an input");
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

static void test_steps(void **state)
{
	(void)state;
	size_t n;
	crm_error err;
	assert_int_equal(crm_steps(0, 1, 0.1, 1e6, &n, &err), CRM_OK);
	assert_int_equal(n, 11);
	assert_close(crm_step_value(0, 1, 0.1, 10), 1.0, 0, 0);   /* exactly TO */
	assert_int_equal(crm_steps(10, 0, -2.5, 1e6, &n, &err), CRM_OK);
	assert_int_equal(n, 5);
	assert_int_equal(crm_steps(0, 1, 0.3, 1e6, &n, &err), CRM_OK);
	assert_int_equal(n, 4);                                     /* 0, .3, .6, .9 */
	assert_int_equal(crm_steps(5, 5, 1, 1e6, &n, &err), CRM_OK);
	assert_int_equal(n, 1);
	assert_int_equal(crm_steps(0, 1, 0, 1e6, &n, &err), CRM_EUSAGE);
	assert_contains(err.msg, "STEP is 0");
	assert_int_equal(crm_steps(2, 1, 0.5, 1e6, &n, &err), CRM_EUSAGE);
	assert_contains(err.msg, "use a negative step");
	assert_int_equal(crm_steps(0, 1e9, 1, 1e6, &n, &err), CRM_EUSAGE);
	assert_contains(err.msg, "more than the 1000000");
}

static void test_tornado_order(void **state)
{
	(void)state;
	/* NPV is linear: -1000 + annuity(3y, 10%) x (1000 a + 200 b - 50 c) with
	 * a in 5..15 (base 10), b in 0..10 (base 5), c in 90..110 (base 100),
	 * plus a cost line in 900..1500 (base 1000). Annuity factor 2.48685199098422.
	 * Swings: a 10000 x af, b 2000 x af, c 1000 x af, line 600. */
	crm_scenario *sc = load_text(
		"kind,name,value,low,high,timing\n"
		"input,c,100,90,110\ninput,b,5,0,10\ninput,a,10,5,15\ninput,no_range,3\n"
		"cost,Set-up,1000,900,1500,once\n"
		"benefit,Sales,1000 * a + 200 * b - 50 * c + no_range,,,yearly\n");
	crm_analysis *a = analysis_of(sc);
	crm_tornado_row *rows;
	size_t n;
	crm_value base;
	crm_error err;
	double af = 1 / 1.1 + 1 / 1.21 + 1 / 1.331;
	assert_int_equal(crm_tornado(a, CRM_METRIC_NPV, 0, &rows, &n, &base, &err), CRM_OK);
	assert_int_equal(n, 4);
	assert_string_equal(rows[0].param.name, "a");
	assert_string_equal(rows[1].param.name, "b");
	assert_string_equal(rows[2].param.name, "c");
	assert_string_equal(rows[3].param.name, "Set-up");
	assert_close(base.v, -1000 + af * (10000 + 1000 - 5000 + 3), 1e-12, 0);
	assert_close(rows[0].swing, 10000 * af, 1e-12, 0);
	assert_close(rows[0].at_low.v - base.v, -5000 * af, 1e-12, 0);
	assert_close(rows[2].at_low.v - base.v, 500 * af, 1e-12, 0);     /* c low raises NPV */
	assert_close(rows[3].swing, 600, 1e-12, 0);
	assert_close(rows[3].at_high.v - base.v, -500, 1e-12, 0);
	free(rows);
	/* --pct 50 adds no_range (3 +/- 1.5): swing 3 x af, last. */
	assert_int_equal(crm_tornado(a, CRM_METRIC_NPV, 50, &rows, &n, &base, &err), CRM_OK);
	assert_int_equal(n, 5);
	assert_string_equal(rows[4].param.name, "no_range");
	assert_close(rows[4].low, 1.5, 0, 0);
	assert_close(rows[4].swing, 3 * af, 1e-12, 0);
	free(rows);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

static void test_spider(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing\ninput,price,100\ninput,f,price * 2\n"
				     "cost,Set-up,1000\nbenefit,Sales,price * 10,yearly\n");
	crm_analysis *a = analysis_of(sc);
	crm_param *params;
	crm_value *vals;
	size_t n;
	crm_error err;
	double steps[] = { -50, 0, 25 };
	double af = 1 / 1.1 + 1 / 1.21 + 1 / 1.331;
	assert_int_equal(crm_spider(a, CRM_METRIC_NPV, steps, 3, &params, &n, &vals, &err), CRM_OK);
	assert_int_equal(n, 1);   /* f is a formula: no base value */
	assert_close(vals[0].v, -1000 + 500 * af, 1e-12, 0);
	assert_close(vals[1].v, -1000 + 1000 * af, 1e-12, 0);
	assert_close(vals[2].v, -1000 + 1250 * af, 1e-12, 0);
	free(params);
	free(vals);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

static void test_undefined_points(void **state)
{
	(void)state;
	/* A division by zero at one point makes that point undefined, not the run. */
	crm_scenario *sc = load_text("kind,name,value,timing\ninput,d,2\n"
				     "cost,Set-up,1000\nbenefit,Sales,1000 / d,yearly\n");
	crm_analysis *a = analysis_of(sc);
	crm_param p;
	crm_error err;
	crm_value v[2];
	crm_metric_id ms[] = { CRM_METRIC_NPV, CRM_METRIC_IRR };
	assert_int_equal(crm_param_find(sc, "d", &p, &err), CRM_OK);
	assert_int_equal(crm_analysis_set(a, &p, 0, &err), CRM_OK);
	assert_int_equal(crm_analysis_eval(a, ms, 2, v, &err), CRM_OK);
	assert_false(v[0].ok);
	assert_contains(v[0].why, "division by zero");
	/* Negative benefits: every net flow is negative, so there is no IRR. */
	assert_int_equal(crm_analysis_set(a, &p, -2, &err), CRM_OK);
	assert_int_equal(crm_analysis_eval(a, ms, 2, v, &err), CRM_OK);
	assert_true(v[0].ok);
	assert_false(v[1].ok);
	assert_string_equal(v[1].why, "no IRR");
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

static void test_metric_names(void **state)
{
	(void)state;
	crm_metric_id m;
	assert_int_equal(crm_metric_parse("discounted_payback", &m), 0);
	assert_int_equal(m, CRM_METRIC_DPAYBACK);
	assert_int_equal(crm_metric_parse("irr", &m), 0);
	assert_int_equal(m, CRM_METRIC_IRR);
	assert_int_equal(crm_metric_parse("NPV", &m), -1);
	for (int i = 0; i < CRM_METRIC_COUNT; i++) {
		assert_int_equal(crm_metric_parse(crm_metric_info_of((crm_metric_id)i)->name, &m), 0);
		assert_int_equal(m, i);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_breakeven_annuity),
		cmocka_unit_test(test_breakeven_statuses),
		cmocka_unit_test(test_breakeven_horizon),
		cmocka_unit_test(test_sweep_equals_runs),
		cmocka_unit_test(test_horizon_setting),
		cmocka_unit_test(test_steps),
		cmocka_unit_test(test_tornado_order),
		cmocka_unit_test(test_spider),
		cmocka_unit_test(test_undefined_points),
		cmocka_unit_test(test_metric_names),
	};
	crm_init();
	return cmocka_run_group_tests_name("analysis", tests, NULL, NULL);
}
