/*
 * test_model.c - the cash-flow engine: timing, ramps, growth, risk, series,
 * formulas over time, discounting, and the metrics of whole scenarios.
 *
 * Expected amounts are worked by hand from the rules in crmroi-scenario(5)
 * and shown next to each assertion. Whole-scenario metrics come from
 * ../shared/oracle/fin_oracle.py (gnumeric and mpmath engines) or exact
 * rational arithmetic (Python fractions), as each comment says.
 */
#include "testutil.h"

#include <stdlib.h>

struct run {
	crm_scenario *sc;
	crm_model *m;
	crm_cashflow *cf;
	crm_metrics met;
};

static void run_text(struct run *r, const char *text)
{
	crm_error err;
	crm_error_clear(&err);
	r->sc = load_text(text);
	r->m = crm_model_new(r->sc, &err);
	assert_non_null(r->m);
	r->cf = crm_cashflow_new(r->m);
	assert_non_null(r->cf);
	if (crm_model_eval(r->m, r->cf, &err) != CRM_OK) {
		print_error("eval: %d:%d: %s\n", err.line, err.col, err.msg);
		fail();
	}
	assert_int_equal(crm_metrics_compute(r->m, r->cf, &r->met, &err), CRM_OK);
}

static void run_free(struct run *r)
{
	crm_cashflow_free(r->cf);
	crm_model_free(r->m);
	crm_scenario_free(r->sc);
}

/* Amount of line l in period p. */
static double amt(const struct run *r, size_t l, int p)
{
	return r->cf->amount[l * (size_t)(r->cf->nperiods + 1) + (size_t)p];
}

#define HDR "kind,name,value,timing,start,end,ramp,curve,growth,risk\n"

static void test_tei_forrester(void **state)
{
	(void)state;
	struct run r;
	run_text(&r, "kind,name,value,timing\nsetting,horizon_years,3\nsetting,discount_rate,10%\n"
		     "cost,Set-up,10000,once\ncost,Operating,5000,yearly\nbenefit,Revenue,15000,yearly\n");
	/* Forrester: ROI 66%, payback 12 months. Exact rationals: PV(costs) =
	 * 22434.25995492111..., NPV = 14868.519909842223891 (oracle npv of -10000,
	 * 10000 x 3 at 10%), ROI = 0.6627595445411922, BCR = 1.6627595445411922. */
	assert_close(r.met.pv_costs, 22434.25995492111, REL, 0);
	assert_close(r.met.npv, 14868.519909842223891, REL, 0);
	assert_close(r.met.roi, 0.6627595445411922, REL, 0);
	assert_close(r.met.bcr, 1.6627595445411922, REL, 0);
	assert_close(r.met.total_costs, 25000, 0, 0);
	assert_close(r.met.total_benefits, 45000, 0, 0);
	assert_close(r.met.irr_value, 0.8392867552141611325518526, REL, 0);   /* oracle */
	assert_close(r.met.mirr, 0.4903078804645159180725848, REL, 0);        /* oracle */
	assert_close(r.met.payback.months, 12.0, REL, 0);
	assert_close(r.met.dpayback.months, 13.32, REL, 0);                   /* oracle 1.11 periods */
	assert_close(r.met.peak_investment, -10000, 0, 0);
	assert_int_equal(r.met.peak_period, 0);
	run_free(&r);
}

static void test_tei_truck(void **state)
{
	(void)state;
	struct run r;
	run_text(&r, "kind,name,value,timing\nsetting,discount_rate,10%\n"
		     "cost,Truck,250000\ncost,Operating,150000,yearly\nbenefit,Revenue,300000\n");
	/* Forrester: ROI 20%, payback 20 months. Oracle npv 123027.79864763335837716;
	 * ROI by exact rationals 0.19746759119686463. */
	assert_close(r.met.npv, 123027.79864763335837716, REL, 0);
	assert_close(r.met.roi, 0.19746759119686463, REL, 0);
	assert_close(r.met.payback.months, 20.0, REL, 0);
	assert_close(r.met.dpayback.months, 12 * 1.916666666666666666666667, REL, 0);
	assert_close(r.met.irr_value, 0.3630965394751764914724711, REL, 0);
	run_free(&r);
}

static void test_timing(void **state)
{
	(void)state;
	struct run r;
	run_text(&r, HDR
		 "benefit,Monthly from July,100,monthly,7\n"
		 "benefit,Half year,1200,yearly,4,9\n"
		 "cost,Once in month 14,500,once,14\n"
		 "cost,Once at 12,300,once,12\n"
		 "cost,Once at 13,300,once,13\n"
		 "cost,Yearly to 30,1200,yearly,1,30\n");
	/* 100 a month from month 7: Year 1 has 6 months, Years 2-3 have 12. */
	assert_close(amt(&r, 0, 1), 600, 0, 1e-9);
	assert_close(amt(&r, 0, 2), 1200, 0, 1e-9);
	/* 1200 a year active in months 4-9: half of it, all in Year 1. */
	assert_close(amt(&r, 1, 1), 600, 0, 1e-9);
	assert_close(amt(&r, 1, 2), 0, 0, 0);
	/* Month 14 is in Year 2; month 12 ends Year 1; month 13 starts Year 2. */
	assert_close(amt(&r, 2, 2), 500, 0, 0);
	assert_close(amt(&r, 3, 1), 300, 0, 0);
	assert_close(amt(&r, 4, 2), 300, 0, 0);
	/* 1200 a year to month 30: 6 months of Year 3. */
	assert_close(amt(&r, 5, 3), 600, 0, 1e-9);
	assert_close(amt(&r, 5, 0), 0, 0, 0);
	run_free(&r);
}

static void test_ramps(void **state)
{
	(void)state;
	struct run r;
	run_text(&r, HDR "setting,period,month\nsetting,horizon_years,1\n"
		 "benefit,Linear,1200,yearly,3,,4,linear\n"
		 "benefit,S-curve,1200,yearly,1,,3,scurve\n");
	/* Linear ramp of 4 from month 3: 1/4, 2/4, 3/4, then full (100 a month). */
	assert_close(amt(&r, 0, 2), 0, 0, 0);
	assert_close(amt(&r, 0, 3), 25, 1e-12, 0);
	assert_close(amt(&r, 0, 4), 50, 1e-12, 0);
	assert_close(amt(&r, 0, 5), 75, 1e-12, 0);
	assert_close(amt(&r, 0, 6), 100, 1e-12, 0);
	/* Smoothstep 3x^2 - 2x^3 at x = 1/3, 2/3, 1: 7/27, 20/27, 1. */
	assert_close(amt(&r, 1, 1), 100.0 * 7 / 27, 1e-12, 0);
	assert_close(amt(&r, 1, 2), 100.0 * 20 / 27, 1e-12, 0);
	assert_close(amt(&r, 1, 3), 100, 1e-12, 0);
	run_free(&r);
	/* The same ramp on the year grid sums the months: 100 x (1/4 + 2/4 + 3/4 + 7). */
	run_text(&r, HDR "setting,horizon_years,1\nbenefit,Linear,1200,yearly,3,,4,linear\n");
	assert_close(amt(&r, 0, 1), 850, 1e-12, 0);
	run_free(&r);
	assert_close(crm_ramp_factor(CRM_CURVE_LINEAR, 0, 5, 5), 1.0, 0, 0);
	assert_close(crm_ramp_factor(CRM_CURVE_SCURVE, 2, 5, 5), 0.5, 0, 0);
}

static void test_growth_and_risk(void **state)
{
	(void)state;
	struct run r;
	run_text(&r, HDR "setting,benefit_risk,10%\nsetting,cost_risk,4%\n"
		 "benefit,Grows,1000,yearly,,,,,10%\n"
		 "benefit,Own risk,1000,yearly,,,,,,25%\n"
		 "cost,Default risk,1000,yearly\n"
		 "cost,Own cost risk,1000,once,,,,,,50%\n"
		 "cost,Grows once,1000,once,20,,,,5%\n");
	/* 1000 x 1.1^(k-1) x (1 - 10%). */
	assert_close(amt(&r, 0, 1), 900, 1e-12, 0);
	assert_close(amt(&r, 0, 2), 990, 1e-12, 0);
	assert_close(amt(&r, 0, 3), 1089, 1e-12, 0);
	assert_close(amt(&r, 1, 2), 750, 1e-12, 0);
	assert_close(amt(&r, 2, 1), 1040, 1e-12, 0);
	assert_close(amt(&r, 3, 0), 1500, 1e-12, 0);
	/* Booked in month 20 = Year 2: 1000 x 1.05 x 1.04. */
	assert_close(amt(&r, 4, 2), 1092, 1e-12, 0);
	run_free(&r);
}

static void test_series_and_formulas(void **state)
{
	(void)state;
	struct run r;
	run_text(&r, "kind,name,value,timing\n"
		 "input,leads,100;200;300\n"
		 "input,total,prev(total) + leads\n"
		 "input,by_year,year * 1000\n"
		 "benefit,From leads,leads * 2\n"
		 "benefit,Cumulative,total\n"
		 "benefit,Series line,1000;2000\n"
		 "cost,At start,leads,once\n"
		 "cost,By year,by_year,yearly\n");
	assert_close(amt(&r, 0, 1), 200, 0, 0);
	assert_close(amt(&r, 0, 2), 400, 0, 0);
	assert_close(amt(&r, 0, 3), 600, 0, 0);
	/* prev: 0 before Year 1, so 100, 300, 600. */
	assert_close(amt(&r, 1, 1), 100, 0, 0);
	assert_close(amt(&r, 1, 2), 300, 0, 0);
	assert_close(amt(&r, 1, 3), 600, 0, 0);
	/* Years past the series are 0. */
	assert_close(amt(&r, 2, 2), 2000, 0, 0);
	assert_close(amt(&r, 2, 3), 0, 0, 0);
	/* The Initial column sees Year 1's inputs. */
	assert_close(amt(&r, 3, 0), 100, 0, 0);
	assert_close(r.cf->input[0], 100, 0, 0);
	assert_close(amt(&r, 4, 3), 3000, 0, 0);
	run_free(&r);
}

/*
 * The Initial column (month 0) evaluates the period variables as the first
 * period of the grid, as crmroi-scenario(5) says ("year, month: ... the year
 * of the horizon (1-based), and the month (1-based ...)"; "in the Initial
 * column they take their first period's value"): year 1 and month 1. So the
 * TEI case of test_tei_forrester with its set-up cost written 10000 * year or
 * 10000 * month is the same case: flows -10000, 10000, 10000, 10000 at 10%,
 * NPV 14,868.519909842223891 (../shared/oracle/fin_oracle.py npv, as there).
 */
static void test_initial_column_year_month(void **state)
{
	(void)state;
	struct run r;
	static const char *const setup[] = { "10000 * year", "10000 * month" };
	for (size_t k = 0; k < 2; k++) {
		char text[256];
		snprintf(text, sizeof text, "kind,name,value,timing\nsetting,horizon_years,3\n"
			 "setting,discount_rate,10%%\ncost,Set-up,%s,once\n"
			 "cost,Operating,5000,yearly\nbenefit,Revenue,15000,yearly\n", setup[k]);
		run_text(&r, text);
		assert_close(amt(&r, 0, 0), 10000, 0, 0);
		assert_close(r.met.npv, 14868.519909842223891, REL, 0);
		run_free(&r);
	}
	/* The month grid: month 0 is year 1 and month 1 too; month 7 is month 7 of year 1. */
	run_text(&r, HDR "setting,period,month\nsetting,horizon_years,1\n"
		 "cost,By year,10000 * year,once,0\ncost,By month,10000 * month,once,0\n"
		 "cost,In month 7,100 * month,once,7\n");
	assert_close(amt(&r, 0, 0), 10000, 0, 0);
	assert_close(amt(&r, 1, 0), 10000, 0, 0);
	assert_close(amt(&r, 2, 7), 700, 0, 0);
	run_free(&r);
}

/*
 * prev() in a line's value: the input's value in the previous period, 0 in
 * the first. users is 10, 20, 30 by year: 1000 x prev(users) is 0, 10,000,
 * 20,000. seats is 50 in every year, yet prev(seats) still changes by
 * period: 0, then 50,000 and 50,000. By hand.
 */
static void test_prev_in_line(void **state)
{
	(void)state;
	struct run r;
	run_text(&r, "kind,name,value,timing\nsetting,horizon_years,3\n"
		 "input,users,10;20;30\ninput,seats,50\n"
		 "benefit,Referrals,1000 * prev(users),yearly\n"
		 "cost,Support,1000 * prev(seats),yearly\n");
	const double referrals[4] = { 0, 0, 10000, 20000 }, support[4] = { 0, 0, 50000, 50000 };
	for (int p = 0; p <= 3; p++) {
		assert_close(amt(&r, 0, p), referrals[p], 0, 0);
		assert_close(amt(&r, 1, p), support[p], 0, 0);
	}
	run_free(&r);
	/* On the month grid: the previous month, 0 in month 1. */
	run_text(&r, HDR "setting,period,month\nsetting,horizon_years,1\n"
		 "input,users,month * 2\nbenefit,Referrals,1000 * prev(users),monthly\n");
	assert_close(amt(&r, 0, 1), 0, 0, 0);
	assert_close(amt(&r, 0, 2), 2000, 0, 0);
	assert_close(amt(&r, 0, 12), 22000, 0, 0);
	run_free(&r);
}

static void test_fixed_values_late_start(void **state)
{
	(void)state;
	struct run r;
	/* Lines whose values never change by period are evaluated once; one that starts
	 * in Year 2, on inputs that are all fixed, must still see the inputs. */
	run_text(&r, "kind,name,value,timing,start\ninput,a,100\ninput,b,a * 3\n"
		 "benefit,Late,b * 2,yearly,13\ncost,Late once,a,once,30\n");
	assert_close(amt(&r, 0, 1), 0, 0, 0);
	assert_close(amt(&r, 0, 2), 600, 0, 0);
	assert_close(amt(&r, 0, 3), 600, 0, 0);
	assert_close(amt(&r, 1, 3), 100, 0, 0);
	/* The inputs are reported in every period even so. */
	assert_close(r.cf->input[1 * 4 + 3], 300, 0, 0);
	run_free(&r);
}

static void test_risk_event_expected_value(void **state)
{
	(void)state;
	struct run r;
	/* A 30% chance of a 200,000 overrun counts 60,000 in a deterministic run. */
	run_text(&r, "kind,name,value,timing,start,probability\n"
		 "cost,Integration overrun,200000,once,6,30%\nbenefit,B,1000,yearly\n");
	assert_close(amt(&r, 0, 1), 60000, 1e-12, 0);
	crm_model_set_occurs(r.m, 0, 1);
	crm_error err;
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
	assert_close(amt(&r, 0, 1), 200000, 0, 0);
	crm_model_set_occurs(r.m, 0, 0);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
	assert_close(amt(&r, 0, 1), 0, 0, 0);
	crm_model_clear_occurs(r.m, 0);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
	assert_close(amt(&r, 0, 1), 60000, 1e-12, 0);
	run_free(&r);
}

static void test_month_grid(void **state)
{
	(void)state;
	struct run r;
	run_text(&r, HDR "setting,period,month\nsetting,horizon_years,2\n"
		 "benefit,Yearly by year,year * 1200,yearly\n"
		 "benefit,By month,month,monthly\n"
		 "cost,Once at 6,1000,once,6\n");
	assert_int_equal(r.cf->nperiods, 24);
	assert_close(amt(&r, 0, 12), 100, 1e-12, 0);
	assert_close(amt(&r, 0, 13), 200, 1e-12, 0);
	assert_close(amt(&r, 1, 17), 17, 0, 0);
	assert_close(amt(&r, 2, 6), 1000, 0, 0);
	/* Month m is discounted by 1.1^(m/12). */
	assert_close(r.cf->df[6], pow(1.1, -0.5), 1e-15, 0);
	assert_close(r.cf->df[24], 1 / 1.21, 1e-15, 0);
	assert_int_equal(crm_cashflow_year_of(r.cf, 13), 2);
	run_free(&r);
}

static void test_month_grid_metrics(void **state)
{
	(void)state;
	struct run r;
	/* -5000 at month 0, -1000 in month 1, 200 a month in months 2-36, 300 a month in
	 * months 37-48, at 10% a year. Oracle (monthly rate 1.1^(1/12) - 1):
	 * npv 2616.391529409678141712849, payback 31 months, discounted payback
	 * 35.68864611577462710922568 months, annualised IRR 0.3209675976098268963. */
	run_text(&r, HDR "setting,period,month\nsetting,horizon_years,4\n"
		 "setting,finance_rate,8%\nsetting,reinvest_rate,12%\n"
		 "cost,Set-up,5000,once,0\ncost,Month 1,1000,once,1\n"
		 "benefit,Early,200,monthly,2,36\nbenefit,Late,300,monthly,37\n");
	assert_close(r.met.npv, 2616.391529409678141712849, REL, 0);
	assert_close(r.met.payback.months, 31.0, REL, 0);
	assert_close(r.met.dpayback.months, 35.68864611577462710922568, REL, 0);
	assert_close(r.met.irr_value, 0.320967597609826896343333520039, REL, 0);
	assert_close(r.met.mirr, 0.214528723101222892174455031343, REL, 0);
	run_free(&r);
}

static void test_undefined_metrics(void **state)
{
	(void)state;
	struct run r;
	run_text(&r, "kind,name,value\nbenefit,Only benefits,100\n");
	assert_false(r.met.roi_ok);
	assert_contains(r.met.roi_note, "present value of costs is zero");
	assert_false(r.met.irr_ok);
	assert_contains(r.met.irr_note, "never negative");
	assert_false(r.met.mirr_ok);
	/* Nothing is ever invested: payback is reached at once, not "not reached". */
	assert_int_equal(r.met.payback.status, CRM_PAYBACK_REACHED);
	assert_close(r.met.payback.months, 0, 0, 0);
	assert_int_equal(r.met.dpayback.status, CRM_PAYBACK_REACHED);
	run_free(&r);
	/* -1000, 100, 100, 100: never paid back; IRR exists and is negative
	 * (oracle: -0.424417443831630817791553). */
	run_text(&r, "kind,name,value,timing\ncost,Set-up,1000\nbenefit,Small,100,yearly\n");
	assert_int_equal(r.met.payback.status, CRM_PAYBACK_NEVER);
	assert_contains(r.met.payback_note, "not reached within the 36-month horizon");
	assert_int_equal(r.met.dpayback.status, CRM_PAYBACK_NEVER);
	assert_close(r.met.irr_value, -0.424417443831630817791553, REL, 0);
	run_free(&r);
	run_text(&r, "kind,name,value\ncost,Only costs,100\n");
	assert_false(r.met.irr_ok);
	assert_contains(r.met.irr_note, "never positive");
	run_free(&r);
	/* Three rates of return: -1000, 3600, -4310, 1716 (oracle: 10%, 20%, 30%). */
	run_text(&r, "kind,name,value,timing,start\nsetting,discount_rate,21%\n"
		 "cost,A,1000,once,0\nbenefit,B,3600,once,12\ncost,C,4310,once,24\n"
		 "benefit,D,1716,once,36\n");
	assert_int_equal(r.met.irr.status, CRM_IRR_MULTIPLE);
	assert_close(r.met.irr_value, 0.2, REL, 0);   /* the root nearest 21% */
	assert_contains(r.met.irr_note, "10.00%, 20.00%, 30.00%");
	assert_true(r.met.payback.lost_again);
	run_free(&r);
}

/*
 * Set-up 100,000 at month 0, a gain of 150,000 once at month 12,
 * decommissioning 200,000 once at month 36: the cumulative net is 50,000
 * after month 12 and -150,000 at the end. Oracle (fin_oracle.py, mpmath,
 * -100000 150000 0 -200000 at 10%): npv -113899.323816679188580015, payback
 * (first crossing) 0.6667 years = 8 months, payback_final NONE.
 */
static void test_payback_lost_for_good(void **state)
{
	(void)state;
	struct run r;
	run_text(&r, "kind,name,value,timing,start\nsetting,horizon_years,3\n"
		 "cost,Set-up,100000,once,0\nbenefit,Gain,150000,once,12\n"
		 "cost,Decommissioning,200000,once,36\n");
	assert_close(r.met.npv, -113899.323816679188580015, REL, 0);
	assert_int_equal(r.met.payback.status, CRM_PAYBACK_NEVER);
	assert_int_equal(r.met.dpayback.status, CRM_PAYBACK_NEVER);
	assert_contains(r.met.payback_note, "not reached within the 36-month horizon");
	assert_contains(r.met.payback_note, "first reaches zero at month 8.0, then falls below zero");
	run_free(&r);
}

static void test_eval_errors(void **state)
{
	(void)state;
	const char *text = "kind,name,value\ninput,d,1 / (year - 2)\nbenefit,B,d\n";
	crm_error err;
	crm_error_clear(&err);
	crm_scenario *sc = load_text(text);
	crm_model *m = crm_model_new(sc, &err);
	crm_cashflow *cf = crm_cashflow_new(m);
	assert_int_equal(crm_model_eval(m, cf, &err), CRM_EDATA);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 3);
	assert_contains(err.msg, "input 'd' is infinite in Year 2");
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_scenario_free(sc);

	text = "kind,name,value,timing,start\ninput,z,0\nbenefit,B,5 / z,once,13\n";
	sc = load_text(text);
	m = crm_model_new(sc, &err);
	cf = crm_cashflow_new(m);
	assert_int_equal(crm_model_eval(m, cf, &err), CRM_EDATA);
	assert_int_equal(err.line, 3);
	assert_contains(err.msg, "benefit 'B' is infinite in Year 2");
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_scenario_free(sc);
}

static void test_override(void **state)
{
	(void)state;
	struct run r;
	crm_error err;
	run_text(&r, "kind,name,value\ninput,a,10\ninput,b,a * 2\nbenefit,B,b\n");
	assert_close(amt(&r, 0, 1), 20, 0, 0);
	crm_model_override(r.m, 0, 7.5);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
	assert_close(amt(&r, 0, 1), 15, 0, 0);
	crm_model_clear_override(r.m, 0);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
	assert_close(amt(&r, 0, 2), 20, 0, 0);
	run_free(&r);
}


/*
 * Timing from inputs. By hand, year grid, no risk, monthly unit 200 for the
 * yearly 2400:
 *   B: start golive + lag = 6.5 + 2 = 8.5 -> 9 (halves away from zero),
 *      ramp golive - 2.5 = 4: months 9..12 at 1/4, 2/4, 3/4, 1 -> Year 1
 *      200 x 2.5 = 500, Year 2 2400.
 *   C: monthly 100, start round(6.5) = 7, end round(17.5) = 18 -> Year 1
 *      6 x 100 = 600, Year 2 600.
 * golive overridden to 3.5: B start round(5.5) = 6, ramp round(1.0) = 1 ->
 * Year 1 7 x 200 = 1400; C months 4..15 (round(14.5) = 15) -> 900 and 300.
 * golive 20: B starts in month 22 -> Year 1 0, Year 2 3 x 200 x ramp
 * (ramp 17.5 -> 18: 1/18 + 2/18 + 3/18 = 1/3) = 200 x 1/3 = 66.67; C months
 * 20..24 (end round(31.5) = 32, horizon 24) -> 0 and 500.
 */
#define TIMED "kind,name,value,timing,start,end,ramp\nsetting,horizon_years,2\n" \
	"setting,benefit_risk,0%\nsetting,cost_risk,0%\ninput,golive,6.5\ninput,lag,2\n" \
	"benefit,B,2400,yearly,golive + lag,,golive - 2.5\n" \
	"cost,C,100,monthly,golive,golive + 11\n"

static void test_timing_from_inputs(void **state)
{
	(void)state;
	struct run r;
	crm_error err;
	run_text(&r, TIMED);
	assert_int_equal(r.sc->lines[0].start, 9);
	assert_int_equal(r.sc->lines[0].ramp, 4);
	assert_int_equal(r.sc->lines[1].start, 7);
	assert_int_equal(r.sc->lines[1].end_given, 18);
	assert_true(r.sc->inputs[0].timing != 0);
	assert_close(amt(&r, 0, 1), 500, 1e-12, 0);
	assert_close(amt(&r, 0, 2), 2400, 1e-12, 0);
	assert_close(amt(&r, 1, 1), 600, 1e-12, 0);
	assert_close(amt(&r, 1, 2), 600, 1e-12, 0);

	crm_model_override(r.m, 0, 3.5);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
	assert_close(amt(&r, 0, 1), 1400, 1e-12, 0);
	assert_close(amt(&r, 1, 1), 900, 1e-12, 0);
	assert_close(amt(&r, 1, 2), 300, 1e-12, 0);

	/* Later than before: the periods the line left hold 0 again. */
	crm_model_override(r.m, 0, 20);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
	assert_close(amt(&r, 0, 1), 0, 0, 0);
	assert_close(amt(&r, 0, 2), 200.0 / 3.0, 1e-12, 0);
	assert_close(amt(&r, 1, 1), 0, 0, 0);
	assert_close(amt(&r, 1, 2), 500, 1e-12, 0);

	/* Months met before: their weights are kept, and give the same amounts. */
	crm_model_override(r.m, 0, 3.5);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
	assert_close(amt(&r, 0, 1), 1400, 1e-12, 0);
	assert_close(amt(&r, 1, 2), 300, 1e-12, 0);

	/* Back to the base: the compiled weights. */
	crm_model_clear_override(r.m, 0);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
	assert_close(amt(&r, 0, 1), 500, 1e-12, 0);
	assert_close(amt(&r, 1, 2), 600, 1e-12, 0);

	/* An override that takes a month below 1: located at the formula, with the value. */
	crm_model_override(r.m, 0, -0.5);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_EDATA);
	assert_true(r.cf->bad_value);
	assert_int_equal(err.line, 7);
	assert_int_equal(err.col, 7);
	assert_contains(err.msg, "benefit 'B': ramp 'golive - 2.5' gives -3 months with golive = -0.5");
	run_free(&r);
}

/*
 * crm_model_summary with timing formulas: at the base it takes the short way;
 * with a timing input overridden so that a line's months move, it leaves the
 * answer to the full evaluation (CRM_EUSAGE). NPV at the base, by hand: Year 1
 * net 500 - 600 = -100, Year 2 2400 - 600 = 1800: -100/1.1 + 1800/1.21 =
 * (-110 + 1800)/1.21 exactly.
 */
static void test_timing_summary(void **state)
{
	(void)state;
	struct run r;
	crm_error err;
	crm_summary s;
	run_text(&r, TIMED);
	assert_true(crm_model_summary_fast(r.m));
	assert_int_equal(crm_model_summary(r.m, r.cf, 1, 1, &s, &err), CRM_OK);
	assert_close(s.npv, 1690.0 / 1.21, 1e-12, 0);
	crm_model_override(r.m, 1, 3);   /* lag: B starts in month 10 */
	assert_int_equal(crm_model_summary(r.m, r.cf, 1, 1, &s, &err), CRM_EUSAGE);
	/* Full: B months 10..13 ramp 1/4..1: Year 1 200 x (1/4 + 2/4 + 3/4) = 300. */
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
	assert_close(amt(&r, 0, 1), 300, 1e-12, 0);
	assert_close(amt(&r, 0, 2), 2400, 1e-12, 0);
	run_free(&r);
}

/*
 * bad_value tells a share or month no line can have from any other failure,
 * and belongs to one evaluation: after a share above 100% (bad_value set), an
 * evaluation that fails on an input dividing by zero (1 / z with z = 0) is not
 * a bad share, so it must leave the flag clear.
 */
static void test_bad_value_is_per_evaluation(void **state)
{
	(void)state;
	struct run r;
	crm_error err;
	run_text(&r, "kind,name,value,timing,adoption\nsetting,horizon_years,1\nsetting,benefit_risk,0%\n"
		     "input,share,50%\ninput,z,4\ninput,d,1 / z\nbenefit,A,1000 * d,yearly,share\n");
	assert_close(amt(&r, 0, 1), 1000 * 0.25 * 0.5, 1e-12, 0);
	crm_model_override(r.m, 0, 1.5);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_EDATA);
	assert_true(r.cf->bad_value);
	crm_model_clear_override(r.m, 0);
	crm_model_override(r.m, 1, 0);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_EDATA);
	assert_contains(err.msg, "input 'd' is infinite");
	assert_false(r.cf->bad_value);
	run_free(&r);
}

/*
 * Adoption. A: 1000 a year times share = 0.2 + 0.3 x year (Year 1 50%,
 * Year 2 80%): 500 and 800, before adoption 1000 and 1000. F: 2000 a year
 * times 75%: 1500 a year.
 */
static void test_adoption(void **state)
{
	(void)state;
	struct run r;
	crm_error err;
	run_text(&r, "kind,name,value,timing,adoption\nsetting,horizon_years,2\n"
		     "setting,benefit_risk,0%\ninput,share,0.2 + 0.3 * year\ninput,fixed,75%\n"
		     "benefit,A,1000,yearly,share\nbenefit,F,2000,yearly,fixed\n");
	size_t np = 3;
	assert_false(crm_model_summary_fast(r.m));   /* a share that varies by year */
	assert_close(amt(&r, 0, 1), 500, 1e-12, 0);
	assert_close(amt(&r, 0, 2), 800, 1e-12, 0);
	assert_close(r.cf->before_adoption[0 * np + 1], 1000, 1e-12, 0);
	assert_close(r.cf->before_adoption[0 * np + 2], 1000, 1e-12, 0);
	assert_close(amt(&r, 1, 1), 1500, 1e-12, 0);
	assert_close(r.cf->before_adoption[1 * np + 2], 2000, 1e-12, 0);
	assert_close(crm_cashflow_adoption(r.m, r.cf, 0, 2), 0.8, 1e-12, 0);
	assert_close(crm_cashflow_adoption(r.m, r.cf, 1, 1), 0.75, 1e-12, 0);
	/* An overridden line value keeps the share of each year. */
	crm_model_override_line(r.m, 0, 3000);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
	assert_close(amt(&r, 0, 1), 1500, 1e-12, 0);
	assert_close(amt(&r, 0, 2), 2400, 1e-12, 0);
	crm_model_clear_line_override(r.m, 0);
	/* A share above 100% reached by an override: located at the input, naming the period. */
	crm_model_override(r.m, 1, 1.25);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_EDATA);
	assert_true(r.cf->bad_value);
	assert_int_equal(err.line, 5);
	assert_contains(err.msg, "input 'fixed' is 125% in Year 1, and a share of adoption is "
			"from 0% to 100% (benefit 'F' is multiplied by it)");
	run_free(&r);

	/*
	 * A fixed share folds into the short way: NPV = 1500/1.1 + 1500/1.21 =
	 * 3150/1.21 (exact); a share out of range overridden there: CRM_EUSAGE.
	 */
	crm_summary s;
	run_text(&r, "kind,name,value,timing,adoption\nsetting,horizon_years,2\n"
		     "setting,benefit_risk,0%\ninput,fixed,75%\nbenefit,F,2000,yearly,fixed\n");
	assert_true(crm_model_summary_fast(r.m));
	assert_int_equal(crm_model_summary(r.m, r.cf, 0, 0, &s, &err), CRM_OK);
	assert_close(s.npv, 3150.0 / 1.21, 1e-12, 0);
	assert_close(r.met.npv, 3150.0 / 1.21, 1e-12, 0);
	crm_model_override(r.m, 0, -0.1);
	assert_int_equal(crm_model_summary(r.m, r.cf, 0, 0, &s, &err), CRM_EUSAGE);
	run_free(&r);
}

/*
 * The line weights kept for months met before (16 sets per timed line) give
 * the amounts a result buffer without any kept weights gives, also when more
 * distinct months come than there are sets and the oldest are replaced:
 * go-live from month 3 to 20 (18 of them) in a shuffled order, three times.
 */
static void test_timing_weights_kept(void **state)
{
	(void)state;
	struct run r;
	crm_error err;
	run_text(&r, TIMED);
	size_t np = (size_t)r.cf->nperiods + 1;
	for (int k = 0; k < 3 * 18; k++) {
		double golive = 3 + (double)((k * 7) % 18);
		crm_model_override(r.m, 0, golive);
		assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
		crm_cashflow *fresh = crm_cashflow_new(r.m);
		assert_non_null(fresh);
		assert_int_equal(crm_model_eval(r.m, fresh, &err), CRM_OK);
		assert_memory_equal(r.cf->amount, fresh->amount, r.sc->nlines * np * sizeof(double));
		assert_memory_equal(r.cf->net, fresh->net, np * sizeof(double));
		crm_cashflow_free(fresh);
	}
	/*
	 * Go-live month 3 again, after 18 distinct months: net 0, 600, 2,200
	 * (indep_model.py golive=3), so NPV = 600 / 1.1 + 2200 / 1.21 = 2,363.6363...
	 */
	crm_model_override(r.m, 0, 3);
	assert_int_equal(crm_model_eval(r.m, r.cf, &err), CRM_OK);
	assert_close(r.cf->cumulative_pv[np - 1], 600 / 1.1 + 2200 / 1.21, 1e-12, 0);
	run_free(&r);
}

/*
 * Dated discounting's fixed days (crm_model_dated_days), on which the short
 * way lays a draw's flows: the bundled dated case (scenarios/cfo/dated.csv)
 * has 37 period ends from 2027-03-15 (month 0) to 2030-03-15, and a
 * go-live milestone on 2027-11-30, a day of its own; the kick-off on
 * 2027-03-15 falls on month 0's day. The flows on those days are the
 * case's: their XNPV at 8% and XIRR are the oracle's
 * (../shared/oracle/fin_oracle.py, gnumeric and mpmath, the flows written
 * out by date as in tests/cli/cases/run_cfo_dated.sh): 343,969.69115340677
 * and 0.63768793398551473. A periodic model has no such days.
 */
static const char *cfo_dated =
	"kind,name,value,timing,start,date,area\n"
	"setting,horizon_years,3\n"
	"setting,period,month\n"
	"setting,discount_rate,8%\n"
	"setting,start_date,2027-03-15\n"
	"setting,discounting,dated\n"
	"cost,Kick-off payment,150000,once,,2027-03-15,implementation\n"
	"cost,Go-live milestone,250000,once,,2027-11-30,implementation\n"
	"cost,Subscriptions,9000,monthly,1,,license\n"
	"benefit,Service cost savings,42000,monthly,9,,call_center\n";

static void test_dated_days(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(cfo_dated);
	crm_error err;
	crm_model *m = crm_model_new(sc, &err);
	crm_cashflow *cf = crm_cashflow_new(m);
	const double *t;
	crm_summary s;
	assert_non_null(cf);
	size_t n = crm_model_dated_days(m, &t);
	assert_int_equal(n, 38);
	for (size_t k = 1; k < n; k++)
		assert_true(t[k] > t[k - 1]);
	long d0 = crm_date_days(2027, 3, 15);
	assert_true(t[0] == 0);
	assert_true(t[9] == (double)(crm_date_days(2027, 11, 30) - d0) / 365.0);
	assert_true(t[n - 1] == (double)(crm_date_days(2030, 3, 15) - d0) / 365.0);
	assert_int_equal(crm_model_summary(m, cf, 0, 0, &s, &err), CRM_OK);
	double net[37], v[38], xnpv = 0;
	crm_model_summary_dated_flows(m, cf, net, v);
	assert_close(v[0], -150000, 0, 0);
	assert_close(v[9], -250000, 0, 0);
	for (size_t k = 0; k < n; k++)
		xnpv += v[k] * pow(1.08, -t[k]);
	assert_close(xnpv, 343969.69115340677, REL, 0);
	assert_close(s.npv, 343969.69115340677, REL, 0);
	crm_irr irr;
	assert_int_equal(crm_xirr_solve(v, t, n, &irr, &err), CRM_OK);
	assert_int_equal(irr.nroots, 1);
	assert_close(irr.roots[0], 0.63768793398551473, 1e-12, 0);
	double r;
	assert_int_equal(crm_xirr_fast(v, t, n, 0.1, NULL, &r), 1);
	assert_close(r, 0.63768793398551473, 1e-12, 0);
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_scenario_free(sc);

	sc = load_text("kind,name,value,timing\nsetting,horizon_years,3\n"
		       "cost,Set-up,1000,once\nbenefit,Gain,800,yearly\n");
	m = crm_model_new(sc, &err);
	assert_int_equal(crm_model_dated_days(m, &t), 0);
	crm_model_free(m);
	crm_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tei_forrester),
		cmocka_unit_test(test_tei_truck),
		cmocka_unit_test(test_timing),
		cmocka_unit_test(test_ramps),
		cmocka_unit_test(test_growth_and_risk),
		cmocka_unit_test(test_series_and_formulas),
		cmocka_unit_test(test_initial_column_year_month),
		cmocka_unit_test(test_prev_in_line),
		cmocka_unit_test(test_fixed_values_late_start),
		cmocka_unit_test(test_risk_event_expected_value),
		cmocka_unit_test(test_month_grid),
		cmocka_unit_test(test_month_grid_metrics),
		cmocka_unit_test(test_dated_days),
		cmocka_unit_test(test_undefined_metrics),
		cmocka_unit_test(test_payback_lost_for_good),
		cmocka_unit_test(test_eval_errors),
		cmocka_unit_test(test_override),
		cmocka_unit_test(test_timing_from_inputs),
		cmocka_unit_test(test_timing_weights_kept),
		cmocka_unit_test(test_timing_summary),
		cmocka_unit_test(test_adoption),
		cmocka_unit_test(test_bad_value_is_per_evaluation),
	};
	crm_init();
	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
