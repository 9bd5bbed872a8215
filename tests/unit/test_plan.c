/*
 * test_plan.c - the roll-out plan (crmroi/plan.h) against plans computed
 * here: every plan of eight areas in four slots enumerated with its NPV in
 * closed form (the search must find the best of them), a case of two areas
 * solved by hand, the limits read back from the chosen plan's own cash
 * flows, the figures of a plan under uncertainty against a simulation of
 * the scenario with the plan applied, and the area rows' errors.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

/* -------------------------------------------------- eight areas, by brute force */

#define NA 8
#define NS 4
#define RATE 0.10
#define BUDGET 200000.0
#define PLATFORM 20000.0   /* a cost in no area, in the Initial column */

static const double cost[NA] = { 60000, 45000, 90000, 40000, 70000, 55000, 80000, 50000 };
static const double gain[NA] = { 9000, 4000, 12000, 2500, 8000, 3500, 9500, 6000 };
/* Area k comes after dep[k] (-1: none) by lag[k] slots. */
static const int dep[NA] = { -1, 0, -1, 2, -1, 4, -1, 1 };
static const int lag[NA] = { 0, 0, 0, 1, 0, 0, 0, 1 };

static char *brute_scenario(const char *extra)
{
	char *t = malloc(16384);
	size_t n = 0;
	n += (size_t)snprintf(t + n, 16384 - n,
		"kind,name,value,timing,start,area,after\n"
		"setting,horizon_years,2,,,,\nsetting,discount_rate,10%%,,,,\n"
		"setting,benefit_risk,0,,,,\nsetting,cost_risk,0,,,,\n"
		"setting,plan_slot,half,,,,\nsetting,plan_budget,%.0f,,,,\n"
		"setting,plan_golives,2,,,,\n%s"
		"cost,Platform,%.0f,once,0,,\n", BUDGET, extra, PLATFORM);
	for (int k = 0; k < NA; k++) {
		char after[32] = "";
		if (dep[k] >= 0)
			snprintf(after, sizeof after, lag[k] ? "a%d+%d" : "a%d", dep[k], lag[k]);
		n += (size_t)snprintf(t + n, 16384 - n, "area,a%d,1,,,,%s\n", k, after);
		n += (size_t)snprintf(t + n, 16384 - n, "cost,Setup %d,%.0f,once,1,a%d,\n", k, cost[k], k);
		n += (size_t)snprintf(t + n, 16384 - n, "benefit,Gain %d,%.0f,monthly,1,a%d,\n", k,
				      gain[k], k);
	}
	return t;
}

/* Slot s (1..4, half-years) starts in month 6(s - 1) + 1. */
static int month_of(int s)
{
	return 6 * (s - 1) + 1;
}

/* Area k going live in slot s: its present value, in closed form (year-end discounting). */
static double area_pv(int k, int s)
{
	int m = month_of(s);
	int y1 = m <= 12 ? 13 - m : 0, y2 = 24 - (m > 13 ? m : 13) + 1;
	int cy = (m + 11) / 12;
	return gain[k] * (y1 / (1 + RATE) + y2 / ((1 + RATE) * (1 + RATE))) - cost[k] / pow(1 + RATE, cy);
}

/* Plan c (0: left out, else a slot) within the limits, by the rules of the issue. */
static int feasible(const int *c)
{
	double year[3] = { 0, PLATFORM, 0 };
	int per_slot[NS + 1] = { 0 };

	for (int k = 0; k < NA; k++) {
		if (!c[k])
			continue;
		if (dep[k] >= 0 && (!c[dep[k]] || c[k] < c[dep[k]] + lag[k]))
			return 0;
		if (++per_slot[c[k]] > 2)
			return 0;
		year[(month_of(c[k]) + 11) / 12] += cost[k];
	}
	return year[1] <= BUDGET && year[2] <= BUDGET;
}

static double plan_npv(const int *c)
{
	double v = -PLATFORM;
	for (int k = 0; k < NA; k++)
		if (c[k])
			v += area_pv(k, c[k]);
	return v;
}

/*
 * Every one of the 5^8 = 390,625 plans enumerated: the search's plan has the
 * highest NPV of the feasible ones, and is itself feasible.
 */
static void test_brute_force(void **state)
{
	(void)state;
	char *text = brute_scenario("");
	crm_scenario *sc = load_text(text);
	int c[NA];
	double best = -INFINITY;
	long nfeasible = 0;

	for (long code = 0; code < 390625; code++) {
		long x = code;
		for (int k = 0; k < NA; k++, x /= 5)
			c[k] = (int)(x % 5);
		if (!feasible(c))
			continue;
		nfeasible++;
		double v = plan_npv(c);
		best = v > best ? v : best;
	}
	assert_true(nfeasible > 1000);

	crm_plan_options po = { CRM_PLAN_MEAN, 0, 1, 1, 3, 0 };
	crm_plan_result r;
	crm_error err;
	crm_error_clear(&err);
	assert_int_equal(crm_plan(sc, &po, &r, &err), CRM_OK);
	assert_true(r.exact);
	assert_true(r.any_feasible);
	assert_close(r.best.npv, best, 1e-12, 1e-6);
	for (int k = 0; k < NA; k++)
		c[k] = r.best.golive[k] == CRM_GOLIVE_SKIP ? 0 : r.best.golive[k];
	assert_true(feasible(c));
	assert_close(plan_npv(c), best, 1e-12, 1e-6);
	assert_true(r.best.feasible);
	/* The next best plans are feasible and no better. */
	for (size_t i = 0; i < r.nnext; i++) {
		for (int k = 0; k < NA; k++)
			c[k] = r.next[i].golive[k] == CRM_GOLIVE_SKIP ? 0 : r.next[i].golive[k];
		assert_true(feasible(c));
		assert_true(plan_npv(c) <= best + 1e-6);
		assert_close(r.next[i].npv, plan_npv(c), 1e-12, 1e-6);
	}
	/* Nothing beats the bound; the scenario is as it was. */
	assert_true(r.bound >= best - 1e-6);
	for (size_t a = 0; a < sc->nareas; a++)
		assert_int_equal(sc->lines[sc->areas[a].lines[0]].start, 1);
	crm_plan_result_free(&r);
	crm_scenario_free(sc);
	free(text);
}

/*
 * Two areas and a budget that allows one a year: the area worth more a
 * month goes first. A: 10,000 a month for 50,000; B: 6,000 a month for
 * 50,000; budget 60,000; slots of a year. A in year 1, B in year 2:
 * 12 x 10,000 / 1.1 + 12 x 10,000 / 1.21 - 50,000 / 1.1 + (12 x 6,000 - 50,000) / 1.21.
 */
static void test_two_areas_by_hand(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,value,timing,start,area\n"
		"setting,horizon_years,2,,,\nsetting,discount_rate,10%,,,\n"
		"setting,plan_slot,year,,,\nsetting,plan_budget,60000,,,\n"
		"area,b,0,,,\narea,a,0,,,\n"
		"cost,B setup,50000,once,1,b\nbenefit,B gain,6000,monthly,1,b\n"
		"cost,A setup,50000,once,1,a\nbenefit,A gain,10000,monthly,1,a\n");
	crm_plan_options po = { CRM_PLAN_MEAN, 0, 1, 1, 3, 0 };
	crm_plan_result r;
	crm_error err;
	crm_error_clear(&err);
	assert_int_equal(crm_plan(sc, &po, &r, &err), CRM_OK);
	assert_int_equal(r.best.golive[1], 1);   /* a */
	assert_int_equal(r.best.golive[0], 2);   /* b */
	double want = 12 * 10000 / 1.1 + 12 * 10000 / 1.21 - 50000 / 1.1 + (12 * 6000 - 50000) / 1.21;
	assert_close(r.best.npv, want, 1e-12, 1e-6);
	/* Why b waits: a year earlier, year 1's costs would be 100,000. */
	assert_int_equal(r.why[0].reason, CRM_REASON_BUDGET);
	assert_int_equal(r.why[0].other, 1);
	assert_close(r.why[0].amount, 100000, 1e-12, 1e-6);
	assert_int_equal(r.why[1].reason, CRM_REASON_FIRST_SLOT);
	/* Big bang breaks the budget; the scenario as written too. */
	assert_false(r.bigbang.feasible);
	assert_int_equal(r.bigbang.broken.reason, CRM_REASON_BUDGET);
	crm_plan_result_free(&r);
	crm_scenario_free(sc);
}

/*
 * The limits hold in every period of the chosen plan, read from its own
 * cash flows: each year's costs (the Initial column in year 1), the monthly
 * cumulative net against the peak funding, the go-lives of each slot.
 */
static void test_limits_hold(void **state)
{
	(void)state;
	char *text = brute_scenario("setting,plan_peak_funding,150000,,,,\n");
	crm_scenario *sc = load_text(text);
	crm_plan_options po = { CRM_PLAN_MEAN, 0, 1, 1, 3, 0 };
	crm_plan_result r;
	crm_error err;
	crm_error_clear(&err);
	assert_int_equal(crm_plan(sc, &po, &r, &err), CRM_OK);
	assert_true(r.any_feasible);
	crm_plan_apply(sc, r.best.golive);
	crm_case *c = crm_case_new(sc, NULL, &err);
	assert_non_null(c);
	double year[3] = { 0 };
	for (int p = 0; p <= c->cf->nperiods; p++) {
		int y = crm_cashflow_year_of(c->cf, p);
		year[y < 1 ? 1 : y] += c->cf->costs[p];
	}
	assert_true(year[1] <= BUDGET + 1e-6 && year[2] <= BUDGET + 1e-6);
	double net[25], cum = 0;
	crm_cashflow_month_net(c->model, c->cf, net);
	for (int m = 0; m <= 24; m++) {
		cum += net[m];
		assert_true(cum >= -150000 - 1e-6);
	}
	int per_slot[NS + 1] = { 0 };
	for (int k = 0; k < NA; k++)
		if (r.best.golive[k] > 0)
			assert_true(++per_slot[r.best.golive[k]] <= 2);
	crm_case_free(c);
	crm_plan_result_free(&r);
	crm_scenario_free(sc);
	free(text);
}

/*
 * Under uncertainty the figures of the plan are those of a simulation of
 * the scenario with the plan applied, with the same draws and seed: what
 * simulate gives for the plan written as a scenario.
 */
static void test_uncertain_figures(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,value,low,high,dist,timing,start,area,after\n"
		"setting,horizon_years,3,,,,,,,\n"
		"setting,plan_budget,150000,,,,,,,\n"
		"input,uplift,1,0.4,1.3,pert,,,,\n"
		"area,x,0,,,,,,,\narea,y,0,,,,,,,x\n"
		"cost,X setup,100000,,,,once,1,x,\n"
		"benefit,X gain,uplift * 8000,,,,monthly,1,x,\n"
		"cost,Y setup,100000,,,,once,4,y,\n"
		"benefit,Y gain,uplift * 5000,,,,monthly,4,y,\n");
	crm_plan_options po = { CRM_PLAN_MEAN, 500, 7, 1, 3, 0 };
	crm_plan_result r;
	crm_error err;
	crm_error_clear(&err);
	assert_int_equal(crm_plan(sc, &po, &r, &err), CRM_OK);
	assert_true(r.uncertain);
	crm_plan_apply(sc, r.best.golive);
	crm_sim_options so;
	crm_sim_result sr;
	memset(&so, 0, sizeof so);
	memset(&sr, 0, sizeof sr);
	so.n = 500;
	so.seed = 7;
	so.jobs = 1;
	so.hist_bins = 20;
	assert_int_equal(crm_simulate(sc, &so, &sr, &err), CRM_OK);
	assert_close(r.best.mean, sr.metric[CRM_SIM_NPV].mean, 1e-12, 1e-9);
	assert_close(r.best.p10, sr.metric[CRM_SIM_NPV].pct[1], 1e-12, 1e-9);
	/* y follows x and the budget keeps them a year apart: y in slot 5 or later. */
	assert_int_equal(r.best.golive[0], 1);
	assert_true(r.best.golive[1] >= 5 || r.best.golive[1] == CRM_GOLIVE_SKIP);
	crm_sim_result_free(&sr);
	crm_plan_result_free(&r);
	crm_scenario_free(sc);
}

/*
 * The after-tax objective with losses carried forward (tax is then no sum
 * of the areas): every one of the 4^3 = 64 plans of three areas in three
 * yearly slots, each computed after tax by the case (crm_case_new), against
 * the plan the search returns: none within the budget is higher after tax,
 * though the best plan before tax is.
 */
static void test_after_tax_objective(void **state)
{
	(void)state;
	/* B and C alike before tax; C's set-up is depreciated over 3 years, B's over 2. */
	crm_scenario *sc = load_text(
		"kind,name,value,timing,start,area,treatment,life\n"
		"setting,horizon_years,3,,,,,\nsetting,discount_rate,8%,,,,,\n"
		"setting,tax_rate,30%,,,,,\nsetting,tax_losses,carry_forward,,,,,\n"
		"setting,plan_slot,year,,,,,\nsetting,plan_budget,100000,,,,,\n"
		"area,a,0,,,,,\narea,b,0,,,,,\narea,c,0,,,,,\n"
		"cost,A setup,90000,once,1,a,capitalise,2\nbenefit,A gain,1500,monthly,1,a,,\n"
		"cost,B setup,90000,once,1,b,capitalise,2\nbenefit,B gain,5000,monthly,1,b,,\n"
		"cost,C setup,90000,once,1,c,capitalise,3\nbenefit,C gain,5000,monthly,1,c,,\n");
	crm_plan_options po = { CRM_PLAN_AFTER_TAX, 0, 1, 1, 3, 0 };
	crm_plan_result r, pre;
	crm_error err;
	crm_error_clear(&err);
	assert_int_equal(crm_plan(sc, &po, &r, &err), CRM_OK);
	assert_true(r.any_feasible);
	double best = -INFINITY;
	int g[3];
	for (int code = 0; code < 64; code++) {
		for (int k = 0, x = code; k < 3; k++, x /= 4)
			g[k] = x % 4 ? x % 4 : CRM_GOLIVE_SKIP;
		crm_plan_apply(sc, g);
		crm_case *c = crm_case_new(sc, NULL, &err);
		assert_non_null(c);
		double year[4] = { 0 };
		for (int p = 0; p <= c->cf->nperiods; p++) {
			int y = crm_cashflow_year_of(c->cf, p);
			year[y < 1 ? 1 : y] += c->cf->costs[p];
		}
		if (year[1] <= 100000 && year[2] <= 100000 && year[3] <= 100000 &&
		    c->at.metrics.npv > best)
			best = c->at.metrics.npv;
		crm_case_free(c);
	}
	for (int k = 0; k < 3; k++)
		g[k] = CRM_GOLIVE_AS_WRITTEN;
	crm_plan_apply(sc, g);
	assert_close(r.best.npv_after_tax, best, 1e-12, 1e-6);
	assert_close(r.best.objective, best, 1e-12, 1e-6);
	/* The best before tax is worth less after tax: the case tells the objectives apart. */
	po.objective = CRM_PLAN_MEAN;
	assert_int_equal(crm_plan(sc, &po, &pre, &err), CRM_OK);
	assert_true(pre.best.npv_after_tax < best - 1);
	crm_plan_result_free(&pre);
	crm_plan_result_free(&r);
	crm_scenario_free(sc);
}

/* The area rows' errors, each at its cell. */
static void test_area_errors(void **state)
{
	(void)state;
	static const struct { const char *rows, *msg; int col; } bad[] = {
		{ "area,x,1,,,,,\narea,y,1,,,,z,\n", "after names 'z', which is not an area", 7 },
		{ "area,x,1,,,,y,\narea,y,1,,,,x,\n", "go round in a circle", 7 },
		{ "area,x,1,,,,,\narea,q,1,,,,,\n", "area 'q' has no lines", 2 },
		{ "area,x,1,,,,,9\narea,y,1,,,,,\n", "golive (a slot, or skip)", 8 },
		{ "area,x,1,2,3,,,1\narea,y,1,,,,,\n", "outside its slots 2 to 3", 8 },
		{ "area,x,1,,,,,\narea,x,1,,,,,\n", "defined twice", 2 },
		{ "area,x,1,,,,,\narea,y,1,,,,x+,\n", "a + without a whole number", 7 },
		{ "area,x,-1,,,,,\narea,y,1,,,,,\n", "is not 0 or more", 3 },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[1024];
		snprintf(text, sizeof text,
			 "kind,name,value,start,end,area,after,golive,timing\n"
			 "setting,horizon_years,2,,,,,,\n%s"
			 "cost,X,100,1,,x,,,once\nbenefit,Y,10,2,,y,,,monthly\n", bad[i].rows);
		crm_error err;
		crm_error_clear(&err);
		crm_scenario *sc = crm_scenario_parse(text, strlen(text), "t.csv", 0, &err);
		if (sc || !strstr(err.msg, bad[i].msg) || err.col != bad[i].col) {
			print_error("case %zu: %s (col %d)\n", i, sc ? "loaded" : err.msg, err.col);
			fail();
		}
	}
	/* after, golive and skip belong to area rows. */
	crm_error err;
	const char *t = "kind,name,value,timing,start,golive\ncost,X,100,once,1,2\n";
	crm_error_clear(&err);
	assert_null(crm_scenario_parse(t, strlen(t), "t.csv", 0, &err));
	assert_contains(err.msg, "golive");
	assert_int_equal(err.col, 6);
}

/* A golive moves the area's lines, a formula's month too; skip leaves them out. */
static void test_golive_moves_lines(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,value,timing,start,end,area,golive\n"
		"setting,horizon_years,2,,,,,\n"
		"input,go,4,,,,,\n"
		"area,x,0,,,,,3\narea,y,0,,,,,skip\n"
		"cost,X setup,1000,once,go - 1,,x,\n"
		"benefit,X gain,100,monthly,go,20,x,\n"
		"benefit,Y gain,100,monthly,2,,y,\n");
	/* x's go-live as written is month 4 (go); slot 3 (quarters) starts in month 7. */
	assert_int_equal(sc->lines[0].start, 6);
	assert_int_equal(sc->lines[1].start, 7);
	assert_int_equal(sc->lines[1].end_given, 23);
	assert_true(sc->lines[2].skipped);
	crm_case *c = crm_case_new(sc, NULL, NULL);
	assert_non_null(c);
	/* X: 1,000 in month 6; 100 a month for months 7 to 23 (17 months); Y nothing. */
	assert_close(c->m.total_costs, 1000, 1e-12, 1e-9);
	assert_close(c->m.total_benefits, 1700, 1e-12, 1e-9);
	crm_case_free(c);
	crm_scenario_free(sc);
}

int main(void)
{
	crm_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_brute_force),
		cmocka_unit_test(test_two_areas_by_hand),
		cmocka_unit_test(test_limits_hold),
		cmocka_unit_test(test_uncertain_figures),
		cmocka_unit_test(test_after_tax_objective),
		cmocka_unit_test(test_area_errors),
		cmocka_unit_test(test_golive_moves_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
