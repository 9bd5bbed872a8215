/*
 * test_case.c - the business case (crmroi/case.h): the figures every output
 * reads, each against a value computed by hand in exact fractions (10%
 * discount rate, Year k discounted by 1.1^k, Initial not discounted; the
 * sums were checked with Python's fractions module).
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

/*
 * A build cost of 10,000 a month in months 1-6 against a benefit of 60,000 a
 * year from month 1 with a linear ramp of 3 months (5,000 a month x 1/3,
 * 2/3, then 1). The cumulative net month by month: -8,333.33, -15,000,
 * -20,000, -25,000, -30,000, -35,000 (month 6), then 5,000 a month back up.
 * At the year ends it is only -5,000 (Year 1: benefits 5,000 x (1/3 + 2/3 +
 * 10) = 55,000 against costs 60,000) and 55,000: peak funding is month 6's.
 */
static const char ramp_head[] =
	"kind,name,value,timing,start,end,ramp\n"
	"setting,horizon_years,2\n"
	"setting,discount_rate,10%\n";
static const char ramp_lines[] =
	"cost,Build,10000,monthly,1,6,\n"
	"benefit,Savings,60000,yearly,1,,3\n";

static void test_peak_funding_by_month(void **state)
{
	(void)state;
	char text[512];
	static const char *const grids[] = { "", "setting,period,month\n" };

	for (int g = 0; g < 2; g++) {
		snprintf(text, sizeof text, "%s%s%s", ramp_head, grids[g], ramp_lines);
		crm_scenario *sc = load_text(text);
		crm_case *c = case_of(sc);
		assert_close(c->peak_funding, -35000, REL, 1e-9);
		assert_int_equal(c->peak_month, 6);
		if (g == 0) {
			/* The year ends see a shallower dip: -5,000 at the end of Year 1. */
			assert_close(c->m.peak_investment, -5000, REL, 1e-9);
			assert_int_equal(c->m.peak_period, 1);
		}
		crm_case_free(c);
		crm_scenario_free(sc);
	}
}

/* A once cost in month 9 of a yearly grid is funded in month 9, not at the year's end. */
static void test_peak_funding_once_line(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing,start\n"
				     "setting,horizon_years,2\n"
				     "cost,Migration,24000,once,9\n"
				     "benefit,Savings,12000,monthly,1\n");
	crm_case *c = case_of(sc);
	/* Months 1-8 bring 96,000 before the 24,000 is paid: never below 0. */
	assert_close(c->peak_funding, 0, 0, 0);
	assert_int_equal(c->peak_month, 0);
	crm_case_free(c);
	crm_scenario_free(sc);

	sc = load_text("kind,name,value,timing,start\n"
		       "setting,horizon_years,2\n"
		       "cost,Migration,240000,once,9\n"
		       "benefit,Savings,12000,monthly,1\n");
	c = case_of(sc);
	/* At the end of month 9: 9 x 12,000 - 240,000 = -132,000. */
	assert_close(c->peak_funding, -132000, REL, 0);
	assert_int_equal(c->peak_month, 9);
	crm_case_free(c);
	crm_scenario_free(sc);
}

/*
 * Peak funding after tax, by hand: tax 25%, paid at the end of its year. A
 * set-up of 1,000 in month 1 and an upgrade of 1,200 in month 13 against
 * savings of 100 a month. Year 1's profit 1,200 - 1,000 = 200 pays tax 50 at
 * month 12; Year 2's 1,200 - 1,200 = 0 none; Year 3's 1,200 pays 300 at month
 * 36. Before tax the cumulative is -900 at month 1, 200 at month 12 and -900
 * again at month 13 (the first lowest point is kept: month 1). After tax
 * month 12 is 150 and month 13 is 150 + 100 - 1,200 = -950: the tax deepens
 * the peak and moves it to month 13. A loss in Year 1 gives a saving instead
 * (tax_losses offset), which eases the later dip: the second case below.
 */
static void test_peak_funding_after_tax(void **state)
{
	(void)state;
	static const char head[] =
		"kind,name,value,timing,start\n"
		"setting,horizon_years,3\n"
		"setting,discount_rate,10%\n"
		"setting,tax_rate,25%\n"
		"setting,tax_losses,offset\n";
	char text[512];

	snprintf(text, sizeof text, "%scost,Set-up,1000,once,1\ncost,Upgrade,1200,once,13\n"
		 "benefit,Savings,1200,yearly,1\n", head);
	crm_scenario *sc = load_text(text);
	crm_case *c = case_of(sc);
	assert_true(c->has_tax);
	assert_close(c->peak_funding, -900, REL, 1e-9);
	assert_int_equal(c->peak_month, 1);
	assert_close(c->after_tax_peak.funding, -950, REL, 1e-9);
	assert_int_equal(c->after_tax_peak.month, 13);
	crm_case_free(c);
	crm_scenario_free(sc);

	/*
	 * Set-up 1,600: before tax -1,500 at month 1, -400 at month 12, then
	 * -400 + 100 - 1,200 = -1,500 at month 13 (month 1 kept). After tax the
	 * saving of 100 at month 12 makes month 13 -1,400: the peak stays at
	 * month 1, -1,500, the saving eases only the later dip.
	 */
	snprintf(text, sizeof text, "%scost,Set-up,1600,once,1\ncost,Upgrade,1200,once,13\n"
		 "benefit,Savings,1200,yearly,1\n", head);
	sc = load_text(text);
	c = case_of(sc);
	assert_close(c->peak_funding, -1500, REL, 1e-9);
	assert_int_equal(c->peak_month, 1);
	assert_close(c->after_tax_peak.funding, -1500, REL, 1e-9);
	assert_int_equal(c->after_tax_peak.month, 1);
	crm_case_free(c);
	crm_scenario_free(sc);
}

/*
 * Hard and soft benefits over two years: cash 10,000 and productivity 20,000
 * a year, flexibility 5,000 a year (apart), a set-up cost of 25,000.
 *   PV(cash)         = 10,000 x (10/11 + 100/121) = 17,355.371900826446
 *   PV(productivity) = 20,000 x 21/12.1           = 34,710.743801652892
 *   NPV on hard benefits alone = 17,355.37 - 25,000 = -7,644.628099173554
 *   NPV (cash and productivity)                     = 27,066.115702479338
 *   PV(flexibility), apart = 5,000 x 21/12.1         =  8,677.685950413223
 */
static void test_hard_and_soft(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing,start,class\n"
				     "setting,horizon_years,2\n"
				     "setting,discount_rate,10%\n"
				     "cost,Set-up,25000,once,0,\n"
				     "benefit,Sales,10000,yearly,1,cash\n"
				     "benefit,Hours,20000,yearly,1,productivity\n"
				     "benefit,Option,5000,yearly,1,flexibility\n");
	crm_case *c = case_of(sc);
	assert_close(c->pv_hard, 17355.371900826446, REL, 0);
	assert_close(c->pv_soft, 34710.743801652892, REL, 0);
	assert_close(c->npv_hard, -7644.628099173554, REL, 0);
	assert_close(c->m.npv, 27066.115702479338, REL, 0);
	assert_close(c->cls[CRM_CLASS_FLEXIBILITY].pv, 8677.685950413223, REL, 0);
	assert_int_equal(c->cls[CRM_CLASS_FLEXIBILITY].nlines, 1);
	assert_close(c->cls[CRM_CLASS_FLEXIBILITY].total, 10000, REL, 0);
	/* Flexibility is left out: its line's figures come from the evaluation counting it. */
	assert_true(crm_case_any_left_out(c));
	assert_false(crm_case_line_counted(c, 3));
	assert_close(c->line_pv[3], 8677.685950413223, REL, 0);
	assert_close(c->line_total[3], 10000, REL, 0);
	assert_true(crm_case_line_flows(c, 3) == c->all_cf);
	assert_true(crm_case_line_flows(c, 1) == c->cf);
	crm_case_free(c);
	crm_scenario_free(sc);
}

/*
 * A gate: a pilot (100,000 at month 0, sales of 50,000 a year) and a
 * roll-out decided with a 70% chance (a licence of 200,000 at month 12,
 * savings of 300,000 in Year 2).
 *   goes ahead: -100,000 - 150,000 x 10/11 + 350,000 x 100/121 = 52,892.561983471074
 *   stops:      -100,000 +  50,000 x 10/11 +  50,000 x 100/121 = -13,223.140495867769
 *   expected:   0.7 x 52,892.56 + 0.3 x -13,223.14             = 33,057.85123966942
 */
static void test_gate_outcomes(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing,start,probability,group\n"
				     "setting,horizon_years,2\n"
				     "setting,discount_rate,10%\n"
				     "cost,Pilot,100000,once,0,,\n"
				     "cost,Rollout licence,200000,once,12,70%,rollout\n"
				     "benefit,Rollout savings,300000,yearly,13,,rollout\n"
				     "benefit,Pilot sales,50000,yearly,1,,\n");
	crm_case *c = case_of(sc);
	assert_int_equal(c->ngates, 1);
	assert_int_equal(c->gates[0].group, 0);
	assert_close(c->gates[0].probability, 0.7, REL, 0);
	assert_close(c->gates[0].go.npv, 52892.561983471074, REL, 0);
	assert_close(c->gates[0].stop.npv, -13223.140495867769, REL, 0);
	assert_close(c->m.npv, 33057.85123966942, REL, 0);
	/* If it goes ahead, 300,000 of costs: the pilot and the whole licence. */
	assert_close(c->gates[0].go.total_costs, 300000, REL, 0);
	assert_close(c->gates[0].stop.total_costs, 100000, REL, 0);
	/* Before any risk (no TEI risk here): the roll-out goes ahead. */
	assert_close(c->unrisked.npv, 52892.561983471074, REL, 0);
	/*
	 * Peak funding by month. Going ahead: -100,000 at month 0, pilot sales of
	 * 50,000 / 12 a month bring it to -54,166.67 by month 11, the licence of
	 * 200,000 in month 12 to 12 x 4,166.67 - 300,000 = -250,000. Stopping: the
	 * pilot's -100,000 at month 0 is the lowest. Before any risk, as going ahead.
	 */
	assert_close(c->gates[0].go_peak.funding, -250000, REL, 1e-9);
	assert_int_equal(c->gates[0].go_peak.month, 12);
	assert_close(c->gates[0].stop_peak.funding, -100000, REL, 0);
	assert_int_equal(c->gates[0].stop_peak.month, 0);
	assert_close(c->unrisked_peak.funding, -250000, REL, 1e-9);
	assert_int_equal(c->unrisked_peak.month, 12);
	crm_case_free(c);
	crm_scenario_free(sc);
}

/*
 * Before the risk adjustment: a benefit of 800 a year with a risk of 20%
 * against 1,000 at the start.
 *   unadjusted NPV = -1,000 + 800 x 21/12.1 = 388.4297520661157
 *   risk-adjusted  = -1,000 + 640 x 21/12.1 = 110.74380165289256
 * Without any risk, the case is its own unadjusted view.
 */
static void test_unadjusted(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing,start,risk\n"
				     "setting,horizon_years,2\n"
				     "setting,discount_rate,10%\n"
				     "cost,Set-up,1000,once,0,\n"
				     "benefit,Savings,800,yearly,1,20%\n");
	crm_case *c = case_of(sc);
	assert_close(c->unadjusted.npv, 388.4297520661157, REL, 0);
	assert_close(c->m.npv, 110.74380165289256, REL, 0);
	assert_close(c->unadjusted_line_pv[1], 800 * 21 / 12.1, REL, 0);
	assert_non_null(c->unadjusted_model);
	crm_case_free(c);
	crm_scenario_free(sc);

	/*
	 * With a risk event (a cost of 100 at month 12, 50% chance): the unadjusted
	 * view counts it at its expected value, the plan before any risk whole.
	 *   unadjusted = 388.4297520661157 - 50 x 10/11  = 342.9752066115702
	 *   unrisked   = 388.4297520661157 - 100 x 10/11 = 297.5206611570248
	 */
	sc = load_text("kind,name,value,timing,start,risk,probability\n"
		       "setting,horizon_years,2\n"
		       "setting,discount_rate,10%\n"
		       "cost,Set-up,1000,once,0,,\n"
		       "benefit,Savings,800,yearly,1,20%,\n"
		       "cost,Overrun,100,once,12,,50%\n");
	c = case_of(sc);
	assert_close(c->unadjusted.npv, 342.9752066115702, REL, 0);
	assert_close(c->unrisked.npv, 297.5206611570248, REL, 0);
	crm_case_free(c);
	crm_scenario_free(sc);

	sc = load_text("kind,name,value,timing,start\n"
		       "setting,horizon_years,2\n"
		       "setting,discount_rate,10%\n"
		       "cost,Set-up,1000,once,0\n"
		       "benefit,Savings,800,yearly,1\n");
	c = case_of(sc);
	assert_null(c->unadjusted_model);
	assert_true(c->unadjusted_cf == c->cf);
	assert_close(c->unadjusted.npv, 388.4297520661157, REL, 0);
	crm_case_free(c);
	crm_scenario_free(sc);
}

/* After tax, with the setting tax_rate: the case carries the after-tax view. */
static void test_after_tax_and_convention(void **state)
{
	(void)state;
	/* 40% tax on a profit of 1,000 a year, paid at the year's end: 600 a year after tax. */
	crm_scenario *sc = load_text("kind,name,value,timing,start\n"
				     "setting,horizon_years,2\n"
				     "setting,discount_rate,10%\n"
				     "setting,tax_rate,40%\n"
				     "benefit,Savings,1000,yearly,1\n");
	crm_case *c = case_of(sc);
	assert_true(c->has_tax);
	assert_int_equal(c->convention, CRM_DISCOUNT_PERIODIC);
	assert_close(c->at.metrics.npv, 600 * 21 / 12.1, REL, 0);
	assert_close(c->m.npv, 1000 * 21 / 12.1, REL, 0);
	crm_case_free(c);
	crm_scenario_free(sc);
}

/* A scenario that cannot be evaluated gives no case and a located error. */
static void test_failure(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing\n"
				     "input,users,0\n"
				     "benefit,Per user,1000 / users,yearly\n");
	crm_error err;
	crm_error_clear(&err);
	assert_null(crm_case_new(sc, NULL, &err));
	assert_int_equal(err.status, CRM_EDATA);
	assert_true(err.line > 0);
	crm_scenario_free(sc);
}

int main(void)
{
	crm_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_peak_funding_by_month),
		cmocka_unit_test(test_peak_funding_once_line),
		cmocka_unit_test(test_peak_funding_after_tax),
		cmocka_unit_test(test_hard_and_soft),
		cmocka_unit_test(test_gate_outcomes),
		cmocka_unit_test(test_unadjusted),
		cmocka_unit_test(test_after_tax_and_convention),
		cmocka_unit_test(test_failure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
