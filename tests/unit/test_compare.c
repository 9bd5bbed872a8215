/*
 * test_compare.c - comparing business cases (crmroi/compare.h): a case's
 * figures by id, the best case and the places of a ranking, and what an
 * incremental IRR means. Expected values are worked by hand in exact
 * fractions (10% discount rate, Year k discounted by 1.1^k, Initial not
 * discounted) or from the definitions of crmroi-scenario(5) (payback
 * interpolated within the year it is reached; MIRR of the flows with the
 * finance and reinvestment rates at the discount rate; the tax of Year y
 * paid at its end, the Initial column in Year 1).
 */
#include "testutil.h"

#include <stdlib.h>

static crm_case *case_of(const crm_scenario *sc)
{
	crm_error err;
	crm_error_clear(&err);
	crm_case *c = crm_case_new(sc, NULL, &err);
	if (!c) {
		print_error("case failed: %d:%d: %s\n", err.line, err.col, err.msg);
		fail();
	}
	return c;
}

static void assert_value(crm_value v, double want)
{
	if (!v.ok)
		print_error("undefined (%s), expected %.17g\n", v.why, want);
	assert_true(v.ok);
	assert_close(v.v, want, REL, 1e-9);
}

static void assert_undefined(crm_value v, const char *why)
{
	assert_false(v.ok);
	assert_string_equal(v.why, why);
}

/*
 * Set-up 5,000 at month 0, a build of 5,000 in month 6 (Year 1), sales of
 * 13,200 in month 18 (Year 2): the net flows are -5,000, -5,000, 13,200.
 *   PV(costs)    = 5,000 + 5,000/1.1    = 105,000/11
 *   PV(benefits) = 13,200/1.21           = 120,000/11
 *   NPV = 15,000/11; ROI = 15,000/105,000 = 1/7; BCR = 120/105 = 8/7
 *   IRR: 13,200 x^2 - 5,000 x - 5,000 = 0 at x = 1/(1+r) = 5/6: r = 20%
 *   MIRR = (13,200 / (105,000/11))^(1/2) - 1 = sqrt(242/175) - 1
 *   Payback: cumulative -5,000, -10,000, 3,200: 12 + 12 x 10,000/13,200 = 232/11 months
 *   Discounted: -5,000, -50,000/11, 120,000/11: 12 + 12 x 105/120 = 22.5 months
 *   Peak investment: -10,000 at the end of Year 1, month 12
 */
static const char flows_head[] =
	"kind,name,value,timing,start\n"
	"setting,horizon_years,2\n"
	"setting,discount_rate,10%\n";
static const char flows_lines[] =
	"cost,Set-up,5000,once,0\n"
	"cost,Build,5000,once,6\n"
	"benefit,Sales,13200,once,18\n";

/* The case of those lines, with the settings in extra added ("" for none). */
static crm_case *flows_case(const char *extra, crm_scenario **sc)
{
	char text[512];
	snprintf(text, sizeof text, "%s%s%s", flows_head, extra, flows_lines);
	*sc = load_text(text);
	return case_of(*sc);
}

static void test_case_value_before_tax(void **state)
{
	(void)state;
	crm_scenario *sc;
	crm_case *c = flows_case("", &sc);

	assert_value(crm_case_value(c, CRM_METRIC_NPV), 15000.0 / 11);
	assert_value(crm_case_value(c, CRM_METRIC_ROI), 1.0 / 7);
	assert_value(crm_case_value(c, CRM_METRIC_BCR), 8.0 / 7);
	assert_value(crm_case_value(c, CRM_METRIC_IRR), 0.2);
	assert_value(crm_case_value(c, CRM_METRIC_MIRR), sqrt(242.0 / 175) - 1);
	assert_value(crm_case_value(c, CRM_METRIC_PAYBACK), 232.0 / 11);
	assert_value(crm_case_value(c, CRM_METRIC_DPAYBACK), 22.5);
	assert_value(crm_case_value(c, CRM_METRIC_PV_BENEFITS), 120000.0 / 11);
	assert_value(crm_case_value(c, CRM_METRIC_PV_COSTS), 105000.0 / 11);
	assert_value(crm_case_value(c, CRM_CASE_PEAK_INVESTMENT), -10000);
	assert_value(crm_case_value(c, CRM_CASE_PEAK_MONTH), 12);
	/* No tax_rate: every after-tax metric is undefined, with the reason. */
	for (int id = CRM_METRIC_AFTER_TAX_NPV; id <= CRM_METRIC_AFTER_TAX_DPAYBACK; id++)
		assert_undefined(crm_case_value(c, (crm_metric_id)id), "no tax_rate setting");
	crm_case_free(c);
	crm_scenario_free(sc);
}

/*
 * The same case with a 25% tax rate, costs expensed, tax paid at the end of
 * its year. Year 1 (with Initial): profit -10,000, tax -2,500 (a saving, a
 * benefit); Year 2: profit 13,200, tax 3,300 (a cost). After-tax flows
 * -5,000, -2,500, 9,900.
 *   PV(costs)    = 5,000 + 5,000/1.1 + 3,300/1.21 = 135,000/11
 *   PV(benefits) = 2,500/1.1 + 13,200/1.21       = 145,000/11
 *   NPV = 10,000/11; ROI = 10,000/135,000 = 2/27
 *   MIRR = (9,900 / (5,000 + 2,500/1.1))^(1/2) - 1 = sqrt(1.36125) - 1
 *   Payback: cumulative -5,000, -7,500, 2,400: 12 + 12 x 7,500/9,900 = 232/11
 *   Discounted: -5,000, -25,000/11, 90,000/11: 12 + 12 x 80/90 = 68/3
 *   IRR: 9,900 x^2 - 2,500 x - 5,000 = 0: x = (2,500 + sqrt(204,250,000)) / 19,800
 */
static void test_case_value_after_tax(void **state)
{
	(void)state;
	crm_scenario *sc;
	crm_case *c = flows_case("setting,tax_rate,25%\n", &sc);

	assert_value(crm_case_value(c, CRM_METRIC_AFTER_TAX_NPV), 10000.0 / 11);
	assert_value(crm_case_value(c, CRM_METRIC_AFTER_TAX_ROI), 2.0 / 27);
	assert_value(crm_case_value(c, CRM_METRIC_AFTER_TAX_IRR),
		     19800 / (2500 + sqrt(204250000.0)) - 1);
	assert_value(crm_case_value(c, CRM_METRIC_AFTER_TAX_MIRR), sqrt(1.36125) - 1);
	assert_value(crm_case_value(c, CRM_METRIC_AFTER_TAX_PAYBACK), 232.0 / 11);
	assert_value(crm_case_value(c, CRM_METRIC_AFTER_TAX_DPAYBACK), 68.0 / 3);
	/* The figures before tax are those of the case without the setting. */
	assert_value(crm_case_value(c, CRM_METRIC_NPV), 15000.0 / 11);
	crm_case_free(c);
	crm_scenario_free(sc);
}

/*
 * Benefits alone (1,000 a year, no cost): no PV of costs for ROI and BCR, no
 * sign change for IRR and MIRR; payback at once (the cumulative flow is
 * never below 0), and no peak investment. A cost that is never earned back
 * (2,000 at month 0 against 500 a year) reaches no payback.
 */
static void test_case_value_undefined(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing\n"
				     "setting,horizon_years,2\n"
				     "benefit,Sales,1000,yearly\n");
	crm_case *c = case_of(sc);
	assert_undefined(crm_case_value(c, CRM_METRIC_ROI), "no PV of costs");
	assert_undefined(crm_case_value(c, CRM_METRIC_BCR), "no PV of costs");
	assert_undefined(crm_case_value(c, CRM_METRIC_IRR), "no IRR");
	assert_undefined(crm_case_value(c, CRM_METRIC_MIRR), "no MIRR");
	assert_value(crm_case_value(c, CRM_METRIC_PAYBACK), 0);
	assert_value(crm_case_value(c, CRM_CASE_PEAK_INVESTMENT), 0);
	assert_value(crm_case_value(c, CRM_CASE_PEAK_MONTH), 0);
	crm_case_free(c);
	crm_scenario_free(sc);

	sc = load_text("kind,name,value,timing,start\n"
		       "setting,horizon_years,2\n"
		       "cost,Set-up,2000,once,0\n"
		       "benefit,Sales,500,yearly,1\n");
	c = case_of(sc);
	assert_undefined(crm_case_value(c, CRM_METRIC_PAYBACK), "not reached");
	assert_undefined(crm_case_value(c, CRM_METRIC_DPAYBACK), "not reached");
	crm_case_free(c);
	crm_scenario_free(sc);
}

static void test_better(void **state)
{
	(void)state;
	assert_int_equal(crm_compare_better(CRM_METRIC_NPV), CRM_BETTER_HIGH);
	assert_int_equal(crm_compare_better(CRM_METRIC_IRR), CRM_BETTER_HIGH);
	assert_int_equal(crm_compare_better(CRM_METRIC_PAYBACK), CRM_BETTER_LOW);
	assert_int_equal(crm_compare_better(CRM_METRIC_DPAYBACK), CRM_BETTER_LOW);
	assert_int_equal(crm_compare_better(CRM_METRIC_PV_COSTS), CRM_BETTER_LOW);
	assert_int_equal(crm_compare_better(CRM_METRIC_PV_BENEFITS), CRM_BETTER_HIGH);
	assert_int_equal(crm_compare_better(CRM_METRIC_AFTER_TAX_PAYBACK), CRM_BETTER_LOW);
	assert_int_equal(crm_compare_better(CRM_METRIC_AFTER_TAX_DPAYBACK), CRM_BETTER_LOW);
	assert_int_equal(crm_compare_better(CRM_METRIC_AFTER_TAX_ROI), CRM_BETTER_HIGH);
	assert_int_equal(crm_compare_better(CRM_CASE_PEAK_INVESTMENT), CRM_BETTER_HIGH);
	assert_int_equal(crm_compare_better(CRM_CASE_PEAK_MONTH), CRM_BETTER_NONE);
}

/*
 * Four scenarios over two years at 10%, a cost at month 0 and a benefit each
 * year (the annuity factor 1/1.1 + 1/1.21 = 210/121):
 *   s0: 1,000 against 400 a year: NPV = -1,000 + 84,000/121 = -37,000/121; payback not reached
 *   s1: 1,000 against 800 a year: NPV =  47,000/121; payback 12 + 12 x 200/800 = 15 months
 *   s2: 2,000 against 1,600 a year: NPV = 94,000/121; payback 15 months
 *   s3: as s1
 */
struct four {
	crm_scenario *sc[4];
	crm_case *c[4];
	const crm_case *cases[4];
};

static void four_load(struct four *f)
{
	static const double cost[4] = { 1000, 1000, 2000, 1000 }, benefit[4] = { 400, 800, 1600, 800 };
	char text[512];

	for (int i = 0; i < 4; i++) {
		snprintf(text, sizeof text,
			 "kind,name,value,timing,start\n"
			 "setting,horizon_years,2\n"
			 "setting,discount_rate,10%%\n"
			 "cost,Set-up,%g,once,0\n"
			 "benefit,Sales,%g,yearly,1\n", cost[i], benefit[i]);
		f->sc[i] = load_text(text);
		f->c[i] = case_of(f->sc[i]);
		f->cases[i] = f->c[i];
	}
}

static void four_free(struct four *f)
{
	for (int i = 0; i < 4; i++) {
		crm_case_free(f->c[i]);
		crm_scenario_free(f->sc[i]);
	}
}

static void assert_places(const struct four *f, crm_metric_id id, const size_t *want)
{
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(crm_compare_place(f->cases, 4, id, i), want[i]);
}

static void test_ranking(void **state)
{
	(void)state;
	struct four f;
	four_load(&f);
	assert_value(crm_case_value(f.c[0], CRM_METRIC_NPV), -37000.0 / 121);
	assert_value(crm_case_value(f.c[2], CRM_METRIC_NPV), 94000.0 / 121);

	/* NPV: s2 first, then s1 and s3 (equal: in the order given), s0 last. */
	assert_int_equal(crm_compare_best(f.cases, 4, CRM_METRIC_NPV), 2);
	assert_places(&f, CRM_METRIC_NPV, (const size_t[]){ 4, 2, 1, 3 });
	/* Payback, lower is better: s1, s2 and s3 all at 15 months in order, s0 (not reached) last. */
	assert_int_equal(crm_compare_best(f.cases, 4, CRM_METRIC_PAYBACK), 1);
	assert_places(&f, CRM_METRIC_PAYBACK, (const size_t[]){ 4, 1, 2, 3 });
	/* PV of costs, lower is better: 1,000 for s0, s1, s3, 2,000 for s2. */
	assert_int_equal(crm_compare_best(f.cases, 4, CRM_METRIC_PV_COSTS), 0);
	assert_places(&f, CRM_METRIC_PV_COSTS, (const size_t[]){ 1, 2, 4, 3 });
	/* Peak investment, higher is better: -1,000 for s0, s1, s3, -2,000 for s2. */
	assert_int_equal(crm_compare_best(f.cases, 4, CRM_CASE_PEAK_INVESTMENT), 0);
	/* No better side, or defined nowhere: no best, and the places in the order given. */
	assert_int_equal(crm_compare_best(f.cases, 4, CRM_CASE_PEAK_MONTH), -1);
	assert_int_equal(crm_compare_best(f.cases, 4, CRM_METRIC_AFTER_TAX_NPV), -1);
	assert_places(&f, CRM_METRIC_AFTER_TAX_NPV, (const size_t[]){ 1, 2, 3, 4 });
	/* One case alone is the best and first. */
	assert_int_equal(crm_compare_best(f.cases + 3, 1, CRM_METRIC_NPV), 0);
	assert_int_equal(crm_compare_place(f.cases + 3, 1, CRM_METRIC_NPV, 0), 1);
	four_free(&f);
}

static void assert_kind(const double *flows, size_t n, int irr_ok, crm_incremental_kind want,
			const char *why_starts)
{
	const char *why = NULL;
	assert_int_equal(crm_incremental_judge(flows, n, irr_ok, &why), want);
	assert_non_null(why);
	assert_int_equal(strncmp(why, why_starts, strlen(why_starts)), 0);
}

static void test_incremental_kind(void **state)
{
	(void)state;
	/* One change, from negative to positive: an investment. */
	assert_kind((const double[]){ -100, 60, 60 }, 3, 1, CRM_INCREMENTAL_INVESTMENT, "investment:");
	/* One change, from positive to negative: a borrowing rate. */
	assert_kind((const double[]){ 100, -60, -60 }, 3, 1, CRM_INCREMENTAL_BORROWING,
		    "borrowing rate:");
	/* Zeros do not count: still one change. */
	assert_kind((const double[]){ 0, -100, 0, 60, 60 }, 5, 1, CRM_INCREMENTAL_INVESTMENT,
		    "investment:");
	/* No change. */
	assert_kind((const double[]){ -100, -50, 0 }, 3, 1, CRM_INCREMENTAL_NONE,
		    "no IRR: the difference in cash flows never changes sign");
	/* A flow within 1e-9 of the largest is taken as 0: 1e-8 against 100 is no change. */
	assert_kind((const double[]){ 100, -1e-8, 50 }, 3, 1, CRM_INCREMENTAL_NONE, "no IRR: ");
	/* Two changes: no rate of return. */
	assert_kind((const double[]){ -100, 250, -156 }, 3, 1, CRM_INCREMENTAL_NONE,
		    "not an investment:");
	/* One change, but no IRR found. */
	assert_kind((const double[]){ -100, 60, 60 }, 3, 0, CRM_INCREMENTAL_NONE,
		    "no IRR between");
	assert_string_equal(crm_incremental_kind_name(CRM_INCREMENTAL_INVESTMENT), "investment");
	assert_string_equal(crm_incremental_kind_name(CRM_INCREMENTAL_BORROWING), "borrowing");
	assert_string_equal(crm_incremental_kind_name(CRM_INCREMENTAL_NONE), "none");
}

/*
 * The incremental flows of the four scenarios above set the kind:
 *   s2 - s1 = -1,000, 800, 800: an investment; IRR where 800 x^2 + 800 x =
 *     1,000 (x = 1/(1+r)): x = (sqrt(6) - 1)/2, r = (2 sqrt(6) - 3)/5
 *   s1 - s2: the same turned over, a borrowing rate at that rate
 *   s1 - s0 = 0, 400, 400: never changes sign; NPV = 84,000/121
 */
static void test_incremental_flows_kind(void **state)
{
	(void)state;
	struct four f;
	crm_incremental inc;
	crm_error err;
	four_load(&f);
	crm_error_clear(&err);

	assert_int_equal(crm_incremental_flows(f.c[1]->cf, &f.c[1]->m, 0.1, f.c[2]->cf, &f.c[2]->m,
					       0.1, &inc, &err), CRM_OK);
	assert_int_equal(inc.kind, CRM_INCREMENTAL_INVESTMENT);
	assert_true(inc.irr_ok);
	assert_close(inc.irr_value, (2 * sqrt(6.0) - 3) / 5, REL, 0);
	assert_close(inc.npv, 47000.0 / 121, REL, 0);
	assert_true(inc.same_rate);
	crm_incremental_free(&inc);

	assert_int_equal(crm_incremental_flows(f.c[2]->cf, &f.c[2]->m, 0.1, f.c[1]->cf, &f.c[1]->m,
					       0.1, &inc, &err), CRM_OK);
	assert_int_equal(inc.kind, CRM_INCREMENTAL_BORROWING);
	assert_close(inc.irr_value, (2 * sqrt(6.0) - 3) / 5, REL, 0);
	crm_incremental_free(&inc);

	assert_int_equal(crm_incremental_flows(f.c[0]->cf, &f.c[0]->m, 0.1, f.c[1]->cf, &f.c[1]->m,
					       0.1, &inc, &err), CRM_OK);
	assert_int_equal(inc.kind, CRM_INCREMENTAL_NONE);
	assert_string_equal(inc.why, "no IRR: the difference in cash flows never changes sign");
	assert_close(inc.npv, 84000.0 / 121, REL, 0);
	crm_incremental_free(&inc);
	crm_incremental_free(NULL);
	four_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_value_before_tax),
		cmocka_unit_test(test_case_value_after_tax),
		cmocka_unit_test(test_case_value_undefined),
		cmocka_unit_test(test_better),
		cmocka_unit_test(test_ranking),
		cmocka_unit_test(test_incremental_kind),
		cmocka_unit_test(test_incremental_flows_kind),
	};
	crm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
