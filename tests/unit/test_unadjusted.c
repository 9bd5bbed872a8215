/*
 * test_unadjusted.c - crm_model_new_unadjusted: the figures a TEI study
 * shows as "unadjusted", with every risk (a line's own and the defaults)
 * taken as 0, and risk events still at their probability.
 *
 * Expected values by hand (10% discount rate, year grid, end-of-year
 * discounting, Initial not discounted):
 *   benefit 100,000 a year from month 1, own risk 20%; cost 50,000 once at
 *   month 0, default cost risk 5%; an event cost of 40,000 in month 12 with
 *   probability 25%; default benefit risk 10% (unused: the benefit has its own).
 *   Unadjusted: Initial -50,000; Year 1 100,000 - 0.25 x 40,000 = 90,000;
 *   Year 2 100,000. NPV = -50,000 + 90,000 / 1.1 + 100,000 / 1.21
 *                       = -50,000 + 81,818.181818... + 82,644.628099...
 *                       = 114,462.809917...
 *   Risk-adjusted: Initial -52,500; Year 1 80,000 - 0.25 x 42,000 = 69,500;
 *   Year 2 80,000. NPV = -52,500 + 63,181.818181... + 66,115.702479...
 *                      = 76,797.520661...
 */
#include "testutil.h"

static const char scenario[] =
	"kind,name,value,timing,start,risk,probability\n"
	"setting,horizon_years,2\n"
	"setting,discount_rate,10%\n"
	"setting,benefit_risk,10%\n"
	"setting,cost_risk,5%\n"
	"benefit,Savings,100000,yearly,1,20%,\n"
	"cost,Licence,50000,once,0,,\n"
	"cost,Penalty,40000,once,12,,25%\n";

static void eval(const crm_scenario *sc, int unadjusted, crm_metrics *out, double *flows)
{
	crm_error err;
	crm_error_clear(&err);
	crm_model *m = unadjusted ? crm_model_new_unadjusted(sc, &sc->settings, &err) : crm_model_new(sc, &err);
	assert_non_null(m);
	crm_cashflow *cf = crm_cashflow_new(m);
	assert_non_null(cf);
	assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
	assert_int_equal(crm_metrics_compute(m, cf, out, &err), CRM_OK);
	for (int p = 0; p <= 2; p++)
		flows[p] = cf->net[p];
	crm_cashflow_free(cf);
	crm_model_free(m);
}

static void test_unadjusted(void **state)
{
	crm_metrics m;
	double f[3];

	(void)state;
	crm_scenario *sc = load_text(scenario);
	eval(sc, 1, &m, f);
	assert_close(f[0], -50000, REL, 1e-9);
	assert_close(f[1], 90000, REL, 1e-9);
	assert_close(f[2], 100000, REL, 1e-9);
	assert_close(m.npv, 114462.80991735537, REL, 0);
	eval(sc, 0, &m, f);
	assert_close(f[0], -52500, REL, 1e-9);
	assert_close(f[1], 69500, REL, 1e-9);
	assert_close(m.npv, 76797.520661157025, REL, 0);
	crm_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unadjusted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
