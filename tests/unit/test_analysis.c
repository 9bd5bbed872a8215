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

/* Break-even of metric for name over [lo, hi] (the default interval when lo > hi). */
static crm_breakeven breakeven_of(crm_scenario *sc, const char *name, crm_metric_id m,
				  double target, double lo, double hi)
{
	crm_analysis *a = analysis_of(sc);
	crm_param p;
	crm_breakeven be;
	crm_error err;
	crm_error_clear(&err);
	assert_int_equal(crm_param_find(sc, name, &p, &err), CRM_OK);
	if (lo > hi)
		crm_breakeven_interval(&p, &lo, &hi);
	assert_int_equal(crm_breakeven_solve(a, &p, m, target, lo, hi, &be, &err), CRM_OK);
	crm_analysis_free(a);
	return be;
}

static void test_breakeven_whole_below(void **state)
{
	(void)state;
	/*
	 * -1000 then 300 a year at 10% (oracle, fin_oracle.py mpmath): NPV over 4
	 * years -49.04036609521207567789085, over 5 years 137.2360308225344766564629.
	 * From a base of 3 years (below 0) the break-even is the first whole value
	 * that reaches 0: 5, not 4.
	 */
	crm_scenario *sc = load_text("kind,name,value,timing\nsetting,horizon_years,3\n"
				     "cost,Set-up,1000\nbenefit,Net,300,yearly\n");
	crm_breakeven be = breakeven_of(sc, "horizon_years", CRM_METRIC_NPV, 0, 1, 0);
	assert_int_equal(be.status, CRM_BE_FOUND);
	assert_close(be.value, 5, 0, 0);
	assert_close(be.neighbour, 4, 0, 0);
	crm_scenario_free(sc);
	/* The same from a base of 8 years (above 0): the last value still at or above 0 is 5. */
	sc = load_text("kind,name,value,timing\nsetting,horizon_years,8\n"
		       "cost,Set-up,1000\nbenefit,Net,300,yearly\n");
	be = breakeven_of(sc, "horizon_years", CRM_METRIC_NPV, 0, 1, 0);
	assert_int_equal(be.status, CRM_BE_FOUND);
	assert_close(be.value, 5, 0, 0);
	crm_scenario_free(sc);
}

static void test_breakeven_whole_run_of_zeros(void **state)
{
	(void)state;
	/*
	 * At 0%: 1000 spent at month 0, 1500 earned at month 12, 500 spent at
	 * month 36 and 100 at month 72. NPV by horizon (exact sums): 500 for 1 and
	 * 2 years, exactly 0 for 3 to 5 years, -100 from 6 years. From a base of 1
	 * year the last value still at or above 0 is 5, not the 3 that starts the
	 * run of zeros.
	 */
	crm_scenario *sc = load_text("kind,name,value,timing,start\nsetting,horizon_years,1\n"
				     "setting,discount_rate,0%\ncost,Set-up,1000,once,0\n"
				     "benefit,Gain,1500,once,12\ncost,Wind-down,500,once,36\n"
				     "cost,Archive,100,once,72\n");
	crm_breakeven be = breakeven_of(sc, "horizon_years", CRM_METRIC_NPV, 0, 1, 0);
	assert_int_equal(be.status, CRM_BE_FOUND);
	assert_close(be.value, 5, 0, 0);
	assert_close(be.neighbour, 6, 0, 0);
	crm_scenario_free(sc);
	/* The same run of zeros seen from below (base 8 years): the first value that reaches 0 is 5. */
	sc = load_text("kind,name,value,timing,start\nsetting,horizon_years,8\n"
		       "setting,discount_rate,0%\ncost,Set-up,1000,once,0\n"
		       "benefit,Gain,1500,once,12\ncost,Wind-down,500,once,36\n"
		       "cost,Archive,100,once,72\n");
	be = breakeven_of(sc, "horizon_years", CRM_METRIC_NPV, 0, 1, 0);
	assert_int_equal(be.status, CRM_BE_FOUND);
	assert_close(be.value, 5, 0, 0);
	crm_scenario_free(sc);
}

static void test_breakeven_jump(void **state)
{
	(void)state;
	/*
	 * NPV = 3 x 100 x round(units) - 1000 at 0% over 3 years: -100 for units
	 * below 3.5, +200 from 3.5 (hand calculation). No value gives 0: a jump
	 * between two values around 3.5.
	 */
	crm_scenario *sc = load_text("kind,name,value,timing\nsetting,discount_rate,0%\n"
				     "input,units,7.3\ncost,Set-up,1000\n"
				     "benefit,Sales,\"round(units, 0) * 100\",yearly\n");
	crm_breakeven be = breakeven_of(sc, "units", CRM_METRIC_NPV, 0, 1, 0);
	assert_int_equal(be.status, CRM_BE_JUMP);
	assert_close(be.jump_lo, 3.5, 1e-9, 0);
	assert_close(be.jump_hi, 3.5, 1e-9, 0);
	assert_close(be.at_jump_lo.v, -100, 1e-9, 0);
	assert_close(be.at_jump_hi.v, 200, 1e-9, 0);
	crm_scenario_free(sc);
	/*
	 * Payback against a target of 40 months over a 36-month horizon: 1200 spent,
	 * a benefit B a year. Payback is 12 x 1200 / B months while B >= 400
	 * (at most 36 months, below 40), and not reached below 400: it jumps over
	 * 40 at B = 400 (hand calculation).
	 */
	sc = load_text("kind,name,value,timing\nsetting,discount_rate,0%\n"
		       "input,b,1000\ncost,Set-up,1200\nbenefit,Net,b,yearly\n");
	be = breakeven_of(sc, "b", CRM_METRIC_PAYBACK, 40, 1, 0);
	assert_int_equal(be.status, CRM_BE_JUMP);
	/* Within 1e-8: a cumulative net within 1e-9 x the flows' size counts as 0 (payback's rule). */
	assert_close(be.jump_lo, 400, 1e-8, 0);
	assert_close(be.jump_hi, 400, 1e-8, 0);
	assert_false(be.at_jump_lo.ok);
	assert_close(be.at_jump_hi.v, 36, 1e-6, 0);
	crm_scenario_free(sc);
}

/*
 * A round() step far smaller than the scan step is still a jump, for every
 * metric. 480,000 spent, round(b, 0) earned in each of 3 years at 10%: the
 * annuity factor is a = 1/1.1 + 1/1.1^2 + 1/1.1^3 = 2.486851990984222 (exact
 * fractions), and each metric is monotone in the whole earning B, so it jumps
 * over a target at k + 0.5, k the last whole B on the target's near side:
 *   NPV 1,000,000.3:         B* = 1,480,000.3 / a = 595,130.03   -> 595,130.5
 *   PV of benefits 1,500,000.3: B* = 1,500,000.3 / a = 603,172.33 -> 603,172.5
 *   IRR 208%:   B* = 480,000 / (1/3.08 + 1/3.08^2 + 1/3.08^3) = 1,033,781.53 -> 1,033,781.5
 *   payback 5.9 months: 12 x 480,000 / B = 5.9 at B* = 976,271.19 -> 976,271.5
 * (hand calculation, exact fractions). The search interval is 0 to 10,000,000,
 * so a scan step spans some 39,000 steps of round().
 */
static void test_breakeven_small_jump(void **state)
{
	static const struct { crm_metric_id m; double target, at; } cases[] = {
		{ CRM_METRIC_NPV, 1000000.3, 595130.5 },
		{ CRM_METRIC_PV_BENEFITS, 1500000.3, 603172.5 },
		{ CRM_METRIC_IRR, 2.08, 1033781.5 },
		{ CRM_METRIC_PAYBACK, 5.9, 976271.5 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		crm_scenario *sc = load_text("kind,name,value,timing\ninput,b,1000000\n"
					     "cost,Licence,480000,once\n"
					     "benefit,Orders,\"round(b, 0)\",yearly\n");
		crm_breakeven be = breakeven_of(sc, "b", cases[i].m, cases[i].target, 1, 0);
		assert_int_equal(be.status, CRM_BE_JUMP);
		assert_close(be.jump_lo, cases[i].at, 1e-9, 0);
		assert_close(be.jump_hi, cases[i].at, 1e-9, 0);
		assert_true(be.at_jump_lo.ok && be.at_jump_hi.ok);
		/* The two values lie on either side of the target. */
		assert_true((be.at_jump_lo.v - cases[i].target) * (be.at_jump_hi.v - cases[i].target) < 0);
		crm_scenario_free(sc);
	}
}

static void test_breakeven_domain(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,low,high,timing\n"
				     "setting,benefit_risk,20%\nsetting,discount_rate,-50%\n"
				     "input,share,40%\ninput,wide,40%,10%,150%\ninput,count,0\n"
				     "cost,Set-up,1000\nbenefit,Net,400 * share * wide,,,yearly\n");
	crm_param p;
	crm_error err;
	double lo, hi;
	/* Risks: 0% to 100%, not 0% to 10 x 20%. */
	assert_int_equal(crm_param_find(sc, "benefit_risk", &p, &err), CRM_OK);
	crm_breakeven_interval(&p, &lo, &hi);
	assert_close(lo, 0, 0, 0);
	assert_close(hi, 1, 0, 0);
	/* Rates above -100%: 10 x -50% is cut to -99%. */
	assert_int_equal(crm_param_find(sc, "discount_rate", &p, &err), CRM_OK);
	crm_breakeven_interval(&p, &lo, &hi);
	assert_close(lo, -0.99, 0, 0);
	assert_close(hi, 0, 0, 0);
	/* A percent input: 0% to 100%, or as far as its own low and high reach. */
	char *unit = sc->inputs[0].unit, *unit1 = sc->inputs[1].unit;
	sc->inputs[0].unit = "percent";
	sc->inputs[1].unit = "rate";
	assert_int_equal(crm_param_find(sc, "share", &p, &err), CRM_OK);
	crm_breakeven_interval(&p, &lo, &hi);
	assert_close(lo, 0, 0, 0);
	assert_close(hi, 1, 0, 0);
	assert_int_equal(crm_param_find(sc, "wide", &p, &err), CRM_OK);
	crm_breakeven_interval(&p, &lo, &hi);
	assert_close(lo, 0, 0, 0);
	assert_close(hi, 1.5, 0, 0);
	sc->inputs[0].unit = unit;
	sc->inputs[1].unit = unit1;
	/* Without a unit the old interval stands: a base of 0 searches -1 to 1. */
	assert_int_equal(crm_param_find(sc, "count", &p, &err), CRM_OK);
	crm_breakeven_interval(&p, &lo, &hi);
	assert_close(lo, -1, 0, 0);
	assert_close(hi, 1, 0, 0);
	/* Horizon: 1 to 50; an interval beyond it is refused before anything is sized from it. */
	crm_analysis *a = analysis_of(sc);
	crm_breakeven be;
	assert_int_equal(crm_param_find(sc, "horizon_years", &p, &err), CRM_OK);
	crm_breakeven_interval(&p, &lo, &hi);
	assert_close(lo, 1, 0, 0);
	assert_close(hi, 50, 0, 0);
	static const double his[] = { 4611686018427387904.0, 1e30, 1e15, 100, INFINITY };
	for (size_t k = 0; k < 5; k++) {
		crm_error_clear(&err);
		assert_int_equal(crm_breakeven_solve(a, &p, CRM_METRIC_NPV, 0, 1, his[k], &be, &err),
				 k < 4 ? CRM_EUSAGE : CRM_EDATA);
	}
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

static void test_breakeven_not_finite(void **state)
{
	(void)state;
	/* A base of 1e308: 10 x base is not a number; a located data error, not a usage one. */
	crm_scenario *sc = load_text("kind,name,value,timing\ninput,x,1e308\n"
				     "cost,Set-up,1000\nbenefit,Net,x / 1e300,yearly\n");
	crm_analysis *a = analysis_of(sc);
	crm_param p;
	crm_breakeven be;
	crm_error err;
	double lo, hi;
	crm_error_clear(&err);
	assert_int_equal(crm_param_find(sc, "x", &p, &err), CRM_OK);
	crm_breakeven_interval(&p, &lo, &hi);
	assert_int_equal(crm_breakeven_solve(a, &p, CRM_METRIC_NPV, 0, lo, hi, &be, &err), CRM_EDATA);
	assert_int_equal(err.line, 2);
	assert_contains(err.msg, "x: the break-even interval");
	/* Tornado with --pct 50: 1.5e308 is beyond the largest double. */
	crm_tornado_row *rows;
	size_t n;
	crm_value base;
	crm_error_clear(&err);
	assert_int_equal(crm_tornado(a, CRM_METRIC_NPV, 50, &rows, &n, &base, &err), CRM_EDATA);
	assert_int_equal(err.line, 2);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

static void test_mirr_rates_follow_discount_rate(void **state)
{
	(void)state;
	/*
	 * -10000, 10000, -5000, 10000 with the discount rate moved from 10% to 20%
	 * (oracle, fin_oracle.py mpmath): MIRR with both rates 20% is
	 * 0.2189433699562951351383939; with the finance rate given as 10% and the
	 * reinvestment rate following to 20%, 0.1996641902024572689750491.
	 */
	static const char *flows = "cost,Set-up,10000,once,0\nbenefit,B1,10000,once,12\n"
				   "cost,C2,5000,once,24\nbenefit,B3,10000,once,36\n";
	char text[512];
	static const double want[2] = { 0.2189433699562951351383939, 0.1996641902024572689750491 };
	for (int k = 0; k < 2; k++) {
		snprintf(text, sizeof text, "kind,name,value,timing,start\n%s%s",
			 k ? "setting,finance_rate,10%\n" : "", flows);
		crm_scenario *sc = load_text(text);
		crm_analysis *a = analysis_of(sc);
		crm_param p;
		crm_error err;
		crm_value v;
		crm_metric_id m = CRM_METRIC_MIRR;
		assert_int_equal(crm_param_find(sc, "discount_rate", &p, &err), CRM_OK);
		assert_int_equal(crm_analysis_set(a, &p, 0.2, &err), CRM_OK);
		assert_int_equal(crm_analysis_eval(a, &m, 1, &v, &err), CRM_OK);
		assert_close(v.v, want[k], REL, 0);
		/* And back at the scenario's rates after a reset. */
		crm_analysis_reset(a, &p);
		assert_int_equal(crm_analysis_eval(a, &m, 1, &v, &err), CRM_OK);
		assert_close(v.v, metric_of_text(text, CRM_METRIC_MIRR).v, REL, 0);
		crm_analysis_free(a);
		crm_scenario_free(sc);
	}
}

/* Model, cash flow and metrics of a scenario text, for comparisons. */
struct evaluated {
	crm_scenario *sc;
	crm_model *m;
	crm_cashflow *cf;
	crm_metrics met;
};

static void evaluate(struct evaluated *e, const char *text)
{
	crm_error err;
	crm_error_clear(&err);
	e->sc = load_text(text);
	assert_non_null(e->m = crm_model_new(e->sc, &err));
	assert_non_null(e->cf = crm_cashflow_new(e->m));
	assert_int_equal(crm_model_eval(e->m, e->cf, &err), CRM_OK);
	assert_int_equal(crm_metrics_compute(e->m, e->cf, &e->met, &err), CRM_OK);
}

static void evaluated_free(struct evaluated *e)
{
	crm_cashflow_free(e->cf);
	crm_model_free(e->m);
	crm_scenario_free(e->sc);
}

static void test_incremental_month_against_year(void **state)
{
	(void)state;
	/*
	 * A: by month over 1 year, 1,200 at month 0 and 100 a month: Initial
	 * -1,200, Year 1 +1,200. B: by year over 2 years, 1,000 at month 0 and 800
	 * a year: -1,000, 800, 800. B - A on years (hand calculation): 200, -400,
	 * 800: three entries, not one per month.
	 */
	struct evaluated a, b;
	evaluate(&a, "kind,name,value,timing\nsetting,period,month\nsetting,horizon_years,1\n"
		 "cost,Set-up,1200,once\nbenefit,Fee,100,monthly\n");
	evaluate(&b, "kind,name,value,timing\nsetting,horizon_years,2\n"
		 "cost,Set-up,1000,once\nbenefit,Net,800,yearly\n");
	crm_incremental inc;
	crm_error err;
	crm_error_clear(&err);
	assert_int_equal(crm_incremental_flows(a.cf, &a.met, 0.1, b.cf, &b.met, 0.1, &inc, &err),
			 CRM_OK);
	assert_int_equal(inc.months_per_period, 12);
	assert_int_equal(inc.n, 3);
	assert_close(inc.flows[0], 200, 1e-12, 0);
	assert_close(inc.flows[1], -400, 1e-12, 0);
	assert_close(inc.flows[2], 800, 1e-12, 0);
	crm_incremental_free(&inc);
	/* The other way round: A - B, the same three years with the signs turned. */
	assert_int_equal(crm_incremental_flows(b.cf, &b.met, 0.1, a.cf, &a.met, 0.1, &inc, &err),
			 CRM_OK);
	assert_int_equal(inc.n, 3);
	assert_close(inc.flows[1], 400, 1e-12, 0);
	crm_incremental_free(&inc);
	evaluated_free(&a);
	evaluated_free(&b);
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

/*
 * A line whose label is an input's name is a parameter of its own: the
 * tornado varies input x (4 to 7, used by no line: swing 0) and benefit x
 * (700 to 900 a year for 3 years at 10%: swing 200 x 2.48685199098422).
 */
static void test_tornado_line_named_as_input(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,low,high,timing\nsetting,horizon_years,3\n"
				     "input,x,5,4,7\ncost,Set-up,1000,800,1500,once\n"
				     "benefit,x,800,700,900,yearly\n");
	crm_analysis *a = analysis_of(sc);
	crm_tornado_row *rows;
	size_t n;
	crm_value base;
	crm_error err;
	double af = 1 / 1.1 + 1 / 1.21 + 1 / 1.331;
	assert_int_equal(crm_tornado(a, CRM_METRIC_NPV, 0, &rows, &n, &base, &err), CRM_OK);
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].param.name, "Set-up");
	assert_int_equal(rows[1].param.kind, CRM_PARAM_LINE);
	assert_string_equal(rows[1].param.name, "x");
	assert_close(rows[1].swing, 200 * af, 1e-12, 0);
	assert_int_equal(rows[2].param.kind, CRM_PARAM_INPUT);
	assert_close(rows[2].swing, 0, 0, 0);
	free(rows);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

/* A small deterministic generator for the scenarios below (no dependence on GSL's). */
static unsigned long lcg(unsigned long *x)
{
	*x = *x * 6364136223846793005UL + 1442695040888963407UL;
	return (*x >> 33) & 0x7fffffffUL;
}

/*
 * A scenario with many ranges: inputs that feed several lines, lines with
 * ranges of their own (some alike, so that swings tie), a risk event, an
 * input that moves a line's start, and in some scenarios a line that grows
 * by year (so that no short way exists).
 */
static char *many_ranges(unsigned long seed, int year_line)
{
	size_t cap = 1 << 16, o = 0;
	char *t = malloc(cap);
	unsigned long x = seed;
	int ni = 3 + (int)(lcg(&x) % 5), nl = 20 + (int)(lcg(&x) % 30);
	assert_non_null(t);
	o += (size_t)snprintf(t + o, cap - o, "kind,name,value,low,high,dist,timing,start,probability\n"
			      "setting,horizon_years,4\nsetting,period,month\n"
			      "input,golive,4,2,9,uniform,,,\n");
	for (int i = 0; i < ni; i++) {
		int v = 50 + (int)(lcg(&x) % 100);
		o += (size_t)snprintf(t + o, cap - o, "input,x%d,%d,%d,%d,triangular,,,\n", i, v,
				      v - 10 - (int)(lcg(&x) % 20), v + 5 + (int)(lcg(&x) % 30));
	}
	for (int l = 0; l < nl; l++) {
		const char *kind = lcg(&x) % 3 ? "benefit" : "cost";
		int u = (int)(lcg(&x) % 4);
		if (u == 0)
			o += (size_t)snprintf(t + o, cap - o, "%s,L%d,x%d * %d,,,,monthly,%d,\n", kind, l,
					      (int)(lcg(&x) % (unsigned long)ni), 3 + (int)(lcg(&x) % 40),
					      1 + (int)(lcg(&x) % 12));
		else if (u == 1)   /* alike: the same range and timing, so their swings tie */
			o += (size_t)snprintf(t + o, cap - o, "%s,L%d,500,400,700,uniform,monthly,3,\n",
					      kind, l);
		else
			o += (size_t)snprintf(t + o, cap - o, "%s,L%d,%d,%d,%d,pert,%s,%d,%s\n", kind, l,
					      1000 + (int)(lcg(&x) % 5000), 500, 9000,
					      lcg(&x) % 2 ? "once" : "yearly", 1 + (int)(lcg(&x) % 40),
					      lcg(&x) % 5 ? "" : "35%");
	}
	o += (size_t)snprintf(t + o, cap - o, "benefit,Late,300,200,400,uniform,monthly,golive,\n");
	if (year_line)
		o += (size_t)snprintf(t + o, cap - o, "benefit,Growing,100 * year,,,,monthly,1,\n");
	assert_true(o < cap);
	return t;
}

static void expect_same_row(const crm_tornado_row *a, const crm_tornado_row *b)
{
	assert_int_equal(a->param.kind, b->param.kind);
	assert_int_equal(a->param.index, b->param.index);
	assert_true(a->low == b->low && a->high == b->high);
	assert_int_equal(a->at_low.ok, b->at_low.ok);
	assert_int_equal(a->at_high.ok, b->at_high.ok);
	assert_int_equal(a->swing_ok, b->swing_ok);
	assert_memory_equal(&a->at_low.v, &b->at_low.v, sizeof(double));
	assert_memory_equal(&a->at_high.v, &b->at_high.v, sizeof(double));
	if (a->swing_ok)
		assert_memory_equal(&a->swing, &b->swing, sizeof(double));
}

/*
 * The first rows of the tornado (crm_tornado_top) are crm_tornado's, to the
 * bit, for any number asked, with or without rows that need a base, on
 * scenarios with and without the short way; and NPV the short way at each
 * one-at-a-time move (crm_analysis_npv_each) is the full evaluation's within
 * rounding (1e-12 relative), NaN where the short way does not decide.
 */
static void test_tornado_top_is_prefix(void **state)
{
	(void)state;
	static const size_t tops[][2] = { { 1, 0 }, { 3, 0 }, { 5, 5 }, { 10, 5 }, { 2, 30 } };
	int screened = 0;
	for (unsigned long f = 0; f < 12; f++) {
		char *text = many_ranges(1000 + f, f % 4 == 3);
		crm_scenario *sc = load_text(text);
		crm_analysis *a = analysis_of(sc);
		crm_tornado_row *all, *top;
		size_t nall, ntop, nparams;
		crm_value base, base2;
		crm_error err;
		assert_int_equal(crm_tornado(a, CRM_METRIC_NPV, 0, &all, &nall, &base, &err), CRM_OK);
		assert_true(nall > 20);
		for (size_t k = 0; k < sizeof tops / sizeof *tops; k++) {
			assert_int_equal(crm_tornado_top(a, CRM_METRIC_NPV, 0, tops[k][0], tops[k][1], &top,
							 &ntop, &nparams, &base2, &err), CRM_OK);
			size_t want = 0, based = 0;
			while (want < nall && (want < tops[k][0] || based < tops[k][1]))
				based += all[want++].param.has_base != 0;
			assert_int_equal(nparams, nall);
			assert_int_equal(ntop, want);
			assert_memory_equal(&base.v, &base2.v, sizeof(double));
			for (size_t i = 0; i < ntop; i++)
				expect_same_row(&top[i], &all[i]);
			free(top);
		}
		/* The short way at every row's ends. */
		crm_param *p = malloc((2 * nall + 1) * sizeof *p);
		double *v = malloc((2 * nall + 1) * sizeof *v), *out = malloc((2 * nall + 1) * sizeof *out);
		assert_true(p && v && out);
		for (size_t i = 0; i < nall; i++) {
			p[2 * i] = p[2 * i + 1] = all[i].param;
			v[2 * i] = all[i].low;
			v[2 * i + 1] = all[i].high;
		}
		assert_int_equal(crm_analysis_npv_each(a, p, v, 2 * nall, out, &err), CRM_OK);
		int decided = 0;
		for (size_t i = 0; i < 2 * nall; i++) {
			const crm_value *want = i % 2 ? &all[i / 2].at_high : &all[i / 2].at_low;
			if (isnan(out[i]))
				continue;
			decided++;
			assert_true(want->ok);
			assert_close(out[i], want->v, 1e-12, 1e-9);
		}
		/* The year-varying scenarios have no short way; the others decide all but golive's. */
		if (f % 4 == 3)
			assert_int_equal(decided, 0);
		else
			assert_true(decided >= (int)(2 * nall) - 2);
		screened += decided > 0;
		/* Every parameter is back at its base. */
		crm_metric_id m = CRM_METRIC_NPV;
		assert_int_equal(crm_analysis_eval(a, &m, 1, &base2, &err), CRM_OK);
		assert_memory_equal(&base.v, &base2.v, sizeof(double));
		free(p);
		free(v);
		free(out);
		free(all);
		crm_analysis_free(a);
		crm_scenario_free(sc);
		free(text);
	}
	assert_true(screened >= 8);
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


/*
 * A go-live month as an input. By hand (year grid, one year, 0%, no risk):
 * Build 1000 at Initial, Savings 200 a month from month golive to month 12,
 * so NPV(g) = 200 x (13 - g) - 1000 for whole g from 1 to 12; g = 0 is no
 * month a recurring line can start in.
 */
#define GOLIVE "kind,name,value,low,high,dist,timing,start\nsetting,horizon_years,1\n" \
	"setting,discount_rate,0%\nsetting,benefit_risk,0%\nsetting,cost_risk,0%\n" \
	"input,golive,3,2,10,uniform\ncost,Build,1000,,,,once,0\n" \
	"benefit,Savings,200,,,,monthly,golive\n"

static double golive_npv(double g)
{
	return 200 * (13 - round(g)) - 1000;
}

static void test_timing_input_analyses(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(GOLIVE);
	crm_analysis *a = analysis_of(sc);
	crm_param p;
	crm_breakeven be;
	crm_error err;
	double lo, hi;

	/* Break-even: NPV >= 0 while 13 - g >= 5, so up to month 8; -200 at month 9. */
	assert_int_equal(crm_param_find(sc, "golive", &p, &err), CRM_OK);
	assert_int_equal(p.months, CRM_PARAM_MONTH);
	assert_true(p.whole);
	assert_close(p.dom_lo, 1, 0, 0);
	assert_close(p.dom_hi, 12, 0, 0);
	crm_breakeven_interval(&p, &lo, &hi);
	assert_close(lo, 1, 0, 0);
	assert_close(hi, 12, 0, 0);
	assert_int_equal(crm_breakeven_solve(a, &p, CRM_METRIC_NPV, 0, lo, hi, &be, &err), CRM_OK);
	assert_int_equal(be.status, CRM_BE_FOUND);
	assert_close(be.value, 8, 0, 0);
	assert_close(be.neighbour, 9, 0, 0);
	assert_true(be.at_neighbour.ok);
	assert_close(be.at_neighbour.v, -200, 1e-12, 0);

	/* Data table points (sweep): each month gives its own NPV. */
	crm_metric_id m = CRM_METRIC_NPV;
	crm_value v;
	for (double g = 1; g <= 12; g += 0.5) {
		assert_int_equal(crm_analysis_set(a, &p, g, &err), CRM_OK);
		assert_int_equal(crm_analysis_eval(a, &m, 1, &v, &err), CRM_OK);
		assert_close(v.v, golive_npv(g), 1e-12, 1e-9);
	}
	/* A month no line can have: a located error naming the value, not an undefined point. */
	assert_int_equal(crm_analysis_set(a, &p, 0.4, &err), CRM_OK);
	assert_int_equal(crm_analysis_eval(a, &m, 1, &v, &err), CRM_EDATA);
	assert_int_equal(err.line, 8);
	assert_contains(err.msg, "start 'golive' gives month 0 with golive = 0.4");
	crm_analysis_reset(a, &p);

	/* Tornado: low 2 gives 1200, high 10 gives -400. */
	crm_tornado_row *rows;
	size_t n;
	crm_value base;
	assert_int_equal(crm_tornado(a, CRM_METRIC_NPV, 0, &rows, &n, &base, &err), CRM_OK);
	assert_int_equal(n, 1);
	assert_close(base.v, 1000, 1e-12, 0);
	assert_close(rows[0].at_low.v, 1200, 1e-12, 0);
	assert_close(rows[0].at_high.v, -400, 1e-12, 0);
	free(rows);

	/* Spider: 3 x 50% = 1.5 -> month 2 (halves away from zero); 3 x 200% = 6. */
	double steps[] = { -50, 100 };
	crm_param *params;
	crm_value *vals;
	assert_int_equal(crm_spider(a, CRM_METRIC_NPV, steps, 2, &params, &n, &vals, &err), CRM_OK);
	assert_int_equal(n, 1);
	assert_close(vals[0].v, 1200, 1e-12, 0);
	assert_close(vals[1].v, 400, 1e-12, 0);
	free(params);
	free(vals);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

/*
 * The months a timing input may take: every whole value around the base for
 * which each line has a month it can have. start = golive - 2 needs golive >= 3
 * (a recurring line starts in month 1 at the earliest); the search ends at the
 * horizon's last month, 24. An input that only moves a ramp is a duration. One
 * that is not a whole number (2.5, month 3) is searched at the whole months
 * around it: start = half needs half >= 1, so 1 to 24.
 */
static void test_timing_input_domain(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing,start,ramp\nsetting,horizon_years,2\n"
				     "input,golive,6\ninput,ramp_months,3\ninput,half,2.5\n"
				     "benefit,B,100,yearly,golive - 2,ramp_months\n"
				     "benefit,C,100,yearly,half\n");
	crm_param p;
	crm_error err;
	assert_int_equal(crm_param_find(sc, "golive", &p, &err), CRM_OK);
	assert_int_equal(p.months, CRM_PARAM_MONTH);
	assert_close(p.dom_lo, 3, 0, 0);
	assert_close(p.dom_hi, 24, 0, 0);
	assert_int_equal(crm_param_find(sc, "ramp_months", &p, &err), CRM_OK);
	assert_int_equal(p.months, CRM_PARAM_DURATION);
	assert_close(p.dom_lo, 0, 0, 0);
	assert_close(p.dom_hi, 24, 0, 0);
	assert_int_equal(crm_param_find(sc, "half", &p, &err), CRM_OK);
	assert_int_equal(p.months, CRM_PARAM_MONTH);
	assert_true(p.whole);
	assert_close(p.dom_lo, 1, 0, 0);
	assert_close(p.dom_hi, 24, 0, 0);
	crm_scenario_free(sc);
}

/*
 * The break-even of a go-live whose base is not a whole number (4.5, month 5)
 * is a whole month, found without trying a month no line can have (0). By
 * hand (two years, 0%, no risk): NPV(s) = 100 x (25 - s) - 1500 for a start
 * in month s, >= 0 up to s = 10 (NPV 0); at 11 it is -100.
 */
static void test_timing_fraction_breakeven(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing,start\nsetting,horizon_years,2\n"
				     "setting,discount_rate,0%\nsetting,benefit_risk,0%\n"
				     "setting,cost_risk,0%\ninput,golive,4.5\n"
				     "cost,Build,1500,once,0\nbenefit,B,100,monthly,golive\n");
	crm_error err;
	crm_analysis *a = crm_analysis_new(sc, &err);
	crm_param p;
	crm_breakeven be;
	double lo, hi;
	assert_non_null(a);
	assert_int_equal(crm_param_find(sc, "golive", &p, &err), CRM_OK);
	crm_breakeven_interval(&p, &lo, &hi);
	assert_close(lo, 1, 0, 0);
	assert_close(hi, 24, 0, 0);
	assert_int_equal(crm_breakeven_solve(a, &p, CRM_METRIC_NPV, 0, lo, hi, &be, &err), CRM_OK);
	assert_int_equal(be.status, CRM_BE_FOUND);
	assert_close(be.value, 10, 0, 0);
	assert_close(be.neighbour, 11, 0, 0);
	assert_close(be.at_neighbour.v, -100, 1e-9, 0);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

/*
 * A spider step that takes a share of adoption above 100% or a month below
 * what a line can have is not a point of the chart (undefined, with the
 * reason), not an error stopping the others. By hand (one year, 0%, no
 * risk): NPV = 200 x (13 - month) x share - 1000, golive 3 and share 85% at
 * base, so a month of golive - 90% (0.3, month 0) cannot be had.
 */
static void test_spider_domains(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing,start,adoption\nsetting,horizon_years,1\n"
				     "setting,discount_rate,0%\nsetting,benefit_risk,0%\n"
				     "setting,cost_risk,0%\ninput,golive,3\ninput,share,85%\n"
				     "cost,Build,1000,once,0\nbenefit,Savings,200,monthly,golive,share\n");
	crm_analysis *a = analysis_of(sc);
	double steps[] = { -90, 10, 30 };
	crm_param *params;
	crm_value *vals;
	size_t n;
	crm_error err;
	assert_int_equal(crm_spider(a, CRM_METRIC_NPV, steps, 3, &params, &n, &vals, &err), CRM_OK);
	assert_int_equal(n, 2);
	/* golive: 0.3 is month 0, where no recurring line can start. */
	assert_false(vals[0].ok);
	assert_string_equal(vals[0].why, "a month no line can have");
	assert_close(vals[1].v, 200 * 10 * 0.85 - 1000, 1e-12, 0);    /* 3.3: month 3, 700 */
	assert_close(vals[2].v, 200 * 9 * 0.85 - 1000, 1e-12, 0);     /* 3.9: month 4, 530 */
	/* share: 8.5% and 93.5% are shares; 110.5% is none. */
	assert_close(vals[3].v, 200 * 10 * 0.085 - 1000, 1e-12, 0);   /* -830 */
	assert_close(vals[4].v, 200 * 10 * 0.935 - 1000, 1e-12, 0);   /* 870 */
	assert_false(vals[5].ok);
	assert_string_equal(vals[5].why, "a share outside 0% to 100%");
	free(params);
	free(vals);
	crm_analysis_free(a);
	crm_scenario_free(sc);
}

/*
 * Monte Carlo and Sobol vary a timing input too. golive uniform on [2, 10],
 * rounded: month 2 with probability 1/16, 3..9 with 1/8 each, 10 with 1/16,
 * so E[month] = 6 and E[NPV] = 1600 - 200 x 6 = 400 exactly; Var[month] =
 * 41.5 - 36 = 5.5, SD of NPV = 200 x sqrt(5.5) = 469.04. With 200,000 draws
 * the standard error is 1.05: the mean must be within 6 of 400. Had the
 * draws left the timing alone, every NPV would be the base 1000. The one
 * uncertain input explains all of the variance: first-order Sobol index 1.
 */
static void test_timing_input_simulation(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(GOLIVE);
	crm_sim_options opt;
	crm_sim_result res;
	crm_error err;

	memset(&opt, 0, sizeof opt);
	opt.n = 200000;
	opt.seed = 7;
	opt.jobs = 2;
	opt.metrics[CRM_SIM_NPV] = 1;
	opt.hist_bins = 10;
	assert_int_equal(crm_simulate(sc, &opt, &res, &err), CRM_OK);
	assert_close(res.metric[CRM_SIM_NPV].mean, 400, 0, 6);
	assert_close(res.metric[CRM_SIM_NPV].sd, 200 * sqrt(5.5), 0.02, 0);
	assert_close(res.metric[CRM_SIM_NPV].min, -400, 0, 1e-9);
	assert_close(res.metric[CRM_SIM_NPV].max, 1200, 0, 1e-9);
	crm_sim_result_free(&res);

	crm_sobol_result sr;
	assert_int_equal(crm_sobol(sc, 4096, 7, &sr, &err), CRM_OK);
	assert_true(sr.ok);
	assert_close(sr.first[0], 1, 0, 0.05);
	assert_close(sr.total[0], 1, 0, 0.05);
	crm_sobol_result_free(&sr);
	crm_scenario_free(sc);
}

/*
 * How people read an input's values (crm_param_of_input): a value written as
 * a percentage, or the unit percent, is a rate; the unit currency (or the
 * scenario's currency code) money; otherwise a number with the decimals of
 * its own value, low and high (2.5, 2.25, 3: two), a count marked as such.
 * The label is borrowed from the input, NULL when none.
 */
static void test_param_units(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,label,value,low,high,unit\n"
		"setting,currency,,EUR,,,\n"
		"input,share,Share of users,80%,60%,90%,\n"
		"input,uplift,,0.004,0.002,0.007,percent\n"
		"input,saving,Saving,1500,1000,2000,currency\n"
		"input,fee,,300,,,EUR\n"
		"input,hours,,2.5,2.25,3,hours\n"
		"input,users,,200,150,250,count\n"
		"benefit,B,,share * uplift * saving * hours * users - fee,,,\n");
	static const struct { crm_unit unit; int decimals, count; const char *label; } want[] = {
		{ CRM_UNIT_RATE, 1, 0, "Share of users" }, { CRM_UNIT_RATE, 3, 0, NULL },
		{ CRM_UNIT_MONEY, 0, 0, "Saving" }, { CRM_UNIT_MONEY, 0, 0, NULL },
		{ CRM_UNIT_NUMBER, 2, 0, NULL }, { CRM_UNIT_NUMBER, 0, 1, NULL },
	};
	crm_error err;

	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		crm_param p;
		assert_int_equal(crm_param_of_input(sc, i, &p, &err), CRM_OK);
		assert_int_equal(p.unit, want[i].unit);
		assert_int_equal(p.decimals, want[i].decimals);
		assert_int_equal(p.count, want[i].count);
		if (want[i].label)
			assert_string_equal(p.label, want[i].label);
		else
			assert_null(p.label);
	}
	assert_int_equal(crm_decimals_of(0.1 + 0.2), 1);   /* 0.30000000000000004 */
	assert_int_equal(crm_decimals_of(1e-7), 6);
	assert_int_equal(crm_decimals_of(123456789), 0);
	crm_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_breakeven_annuity),
		cmocka_unit_test(test_param_units),
		cmocka_unit_test(test_breakeven_statuses),
		cmocka_unit_test(test_breakeven_horizon),
		cmocka_unit_test(test_breakeven_whole_below),
		cmocka_unit_test(test_breakeven_whole_run_of_zeros),
		cmocka_unit_test(test_breakeven_jump),
		cmocka_unit_test(test_breakeven_small_jump),
		cmocka_unit_test(test_breakeven_domain),
		cmocka_unit_test(test_breakeven_not_finite),
		cmocka_unit_test(test_mirr_rates_follow_discount_rate),
		cmocka_unit_test(test_incremental_month_against_year),
		cmocka_unit_test(test_sweep_equals_runs),
		cmocka_unit_test(test_horizon_setting),
		cmocka_unit_test(test_steps),
		cmocka_unit_test(test_tornado_order),
		cmocka_unit_test(test_tornado_line_named_as_input),
		cmocka_unit_test(test_tornado_top_is_prefix),
		cmocka_unit_test(test_spider),
		cmocka_unit_test(test_undefined_points),
		cmocka_unit_test(test_metric_names),
		cmocka_unit_test(test_timing_input_analyses),
		cmocka_unit_test(test_timing_input_simulation),
		cmocka_unit_test(test_timing_input_domain),
		cmocka_unit_test(test_timing_fraction_breakeven),
		cmocka_unit_test(test_spider_domains),
	};
	crm_init();
	return cmocka_run_group_tests_name("analysis", tests, NULL, NULL);
}
