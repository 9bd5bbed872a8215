/*
 * test_track.c - plan against actuals: variances, indexes, the re-forecast on
 * both grids, criteria and gate verdicts, and the actuals reader's errors.
 *
 * Expected values come from the by-hand tables in the comments (plain
 * arithmetic on the scenario's numbers, exact in binary where stated) and,
 * for discounted figures, from ../shared/oracle/fin_oracle.py (mpmath and
 * gnumeric engines) or exact rational arithmetic (Python fractions), as each
 * comment says.
 */
#include "testutil.h"

#include <stdlib.h>

struct tk {
	crm_scenario *sc;
	crm_actuals *a;
	crm_track *t;
};

/* Load a scenario and actuals files given as (name, text) pairs, NULL-terminated. */
static void tk_load(struct tk *k, const char *scenario, ...)
{
	crm_error err;
	va_list ap;
	const char *name;

	crm_error_clear(&err);
	k->sc = load_text(scenario);
	k->a = crm_actuals_new(k->sc);
	assert_non_null(k->a);
	va_start(ap, scenario);
	while ((name = va_arg(ap, const char *))) {
		const char *text = va_arg(ap, const char *);
		if (crm_actuals_parse(k->a, text, strlen(text), name, 0, &err) != CRM_OK) {
			print_error("%s:%d:%d: %s\n", err.file, err.line, err.col, err.msg);
			fail();
		}
	}
	va_end(ap);
	if (crm_track_compute(k->sc, k->a, &k->t, &err) != CRM_OK) {
		print_error("track: %s\n", err.msg);
		fail();
	}
}

static void tk_free(struct tk *k)
{
	crm_track_free(k->t);
	crm_actuals_free(k->a);
	crm_scenario_free(k->sc);
}

static const crm_track_row *row_named(const crm_track *t, const char *name)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (!strcmp(t->rows[r].name, name))
			return &t->rows[r];
	fail_msg("no row %s", name);
	return NULL;
}

/* A scenario on the month grid, one year, 12% a year. */
static const char *month_plan =
	"kind,name,value,timing,start,end,risk\n"
	"setting,horizon_years,1\n"
	"setting,period,month\n"
	"setting,discount_rate,12%\n"
	"cost,Build,1000,monthly,1,3,10%\n"
	"benefit,Sales,2385,monthly,2,,20%\n"
	"benefit,Service,500,monthly,1,,0\n";

static const char *month_actuals =
	"# two months\n"
	"period,kind,name,value,source\n"
	"1,cost,Build,1234.5,GL\n"
	"2,cost,Build,987.25,GL\n"
	"1,benefit,Service,450,\n"
	"2,benefit,Sales,1500,\n";

/*
 * By hand (plan = risk-adjusted: Build x 1.10, Sales x 0.80):
 *   month  Build plan/raw/actual    Sales plan/raw/actual   Service plan/actual
 *   1      1100 / 1000 / 1234.5     0 / 0 / 0 (no plan)     500 / 450
 *   2      1100 / 1000 / 987.25     1908 / 2385 / 1500      500 / 500 (assumed)
 * Build: cumulative plan 2200, actual 2221.75, variance 21.75,
 *   variance % 21.75 / 2200 = 0.009886363636..., cost index 2221.75 / 2200.
 * Sales: index 1500 / 1908. Service: index 950 / 1000 = 0.95.
 * All benefits: (1500 + 950) / (1908 + 1000) = 2450 / 2908.
 * Net to date: plan (500 - 1100) + (1908 + 500 - 1100) = 708,
 *   before risk (500 - 1000) + (2385 + 500 - 1000) = 1385,
 *   actual (450 - 1234.5) + (1500 + 500 - 987.25) = 228.25.
 */
static void test_variances_and_indexes(void **state)
{
	(void)state;
	struct tk k;
	tk_load(&k, month_plan, "a.csv", month_actuals, NULL);
	const crm_track *t = k.t;
	assert_int_equal(t->last, 2);
	assert_true(t->with_actuals[1] && t->with_actuals[2] && !t->with_actuals[0]);

	const crm_track_row *b = row_named(t, "Build");
	assert_close(b->month[1].plan, 1100, 1e-12, 0);
	assert_close(b->month[1].plan_raw, 1000, 1e-12, 0);
	assert_close(b->month[2].actual, 987.25, 0, 0);
	assert_close(b->month[2].variance, -112.75, 1e-12, 0);
	assert_close(b->cum[2].plan, 2200, 1e-12, 0);
	assert_close(b->cum[2].actual, 2221.75, 1e-12, 0);
	assert_close(b->cum[2].variance, 21.75, 1e-9, 0);
	assert_true(b->cum[2].pct_ok);
	assert_close(b->cum[2].variance_pct, 21.75 / 2200, 1e-9, 0);
	assert_true(b->index_ok);
	assert_close(b->index, 2221.75 / 2200, 1e-12, 0);

	const crm_track_row *s = row_named(t, "Sales");
	assert_close(s->month[2].plan, 1908, 1e-12, 0);
	assert_close(s->month[2].plan_raw, 2385, 1e-12, 0);
	assert_false(s->month[1].pct_ok);     /* no plan in month 1: no variance % */
	assert_close(s->index, 1500.0 / 1908.0, 1e-12, 0);
	assert_int_equal(s->nassumed, 0);     /* no plan in month 1, so nothing assumed */

	/* Service has no actual in month 2, which has actuals for others: plan assumed. */
	const crm_track_row *v = row_named(t, "Service");
	assert_int_equal(v->nassumed, 1);
	assert_int_equal(v->assumed[0], 2);
	assert_false(v->given[2]);
	assert_close(v->month[2].actual, 500, 1e-12, 0);
	assert_close(v->index, 0.95, 1e-12, 0);

	const crm_track_row *tb = row_named(t, "Total benefits");
	assert_close(tb->index, 2450.0 / 2908.0, 1e-12, 0);
	const crm_track_row *tc = row_named(t, "Total costs");
	assert_close(tc->index, 2221.75 / 2200, 1e-12, 0);
	const crm_track_row *net = row_named(t, "Net");
	assert_close(net->cum[2].plan, 708, 1e-12, 0);
	assert_close(net->cum[2].plan_raw, 1385, 1e-12, 0);
	assert_close(net->cum[2].actual, 228.25, 1e-12, 0);
	assert_close(net->cum[2].variance, -479.75, 1e-9, 0);
	tk_free(&k);
}

/*
 * Re-forecast on the month grid. Monthly net flows, months 0..12:
 *   approved: 0, -600, 1308, 1308, 2408 x 9
 *   plan:     0, -784.5, 1012.75, 1308, 2408 x 9
 *   trend:    0, -784.5, 1012.75, 1500 + 475 - 1110.875 = 864.125, 1975 x 9
 * (trend: Sales 1908 x 1500/1908 = 1500, Service 500 x 0.95 = 475, Build
 * 1100 x 2221.75/2200 = 1110.875). Discounted monthly at (1.12)^(m/12):
 * fin_oracle.py, rate = 1.12^(1/12) - 1 = 0.00948879293458297412635506919343,
 * engines mpmath and gnumeric agree:
 *   approved NPV 22061.55447970377908, plan 21589.06308521676696,
 *   trend 17543.09362383576264; payback (months) approved 1.4587155963302752,
 *   plan and trend 1.7746235497408047.
 */
static void test_reforecast_month_grid(void **state)
{
	(void)state;
	struct tk k;
	tk_load(&k, month_plan, "a.csv", month_actuals, NULL);
	const crm_track *t = k.t;
	assert_close(t->reforecast_trend_flow[3], 864.125, 1e-12, 0);
	assert_close(t->reforecast_trend_flow[12], 1975, 1e-12, 0);
	assert_close(t->approved.npv, 22061.55447970377908, 1e-12, 0);
	assert_close(t->plan.npv, 21589.06308521676696, 1e-12, 0);
	assert_close(t->trend.npv, 17543.09362383576264, 1e-12, 0);
	assert_int_equal(t->approved.payback.status, CRM_PAYBACK_REACHED);
	assert_close(t->approved.payback.months, 1.4587155963302752, 1e-12, 0);
	assert_close(t->plan.payback.months, 1.7746235497408047, 1e-12, 0);
	assert_close(t->trend.payback.months, 1.7746235497408047, 1e-12, 0);
	tk_free(&k);
}

/*
 * The year grid: two years at 10%.
 *   Licence 12,000 a year = 1,000 a month, no risk; Setup 5,000 once in month 0;
 *   Gain 24,000 a year from month 4 at 25% risk = 1,500 a month.
 * Actuals: Setup 5,600 (month 0); Licence 1,000 a month, 1,150 in month 3;
 * Gain 1,200, 1,350, 1,500 in months 4-6.
 * Indexes: Setup 5600/5000 = 1.12; Licence 6150/6000 = 1.025; Gain 4050/4500 = 0.9.
 * Year flows (Initial, Year 1, Year 2):
 *   approved: -5000, 13500 - 12000 = 1500, 18000 - 12000 = 6000
 *   plan:     -5600, (4050 - 6150) + 6 x 500 = 900, 6000
 *   trend:    -5600, -2100 + 6 x (1350 - 1025) = -150, 12 x 325 = 3900
 * NPV (exact fractions, and fin_oracle.py mpmath): approved 1322.3140495867768595,
 * plan 176.85950413223140496, trend -304100/121 = -2513.2231404958677686.
 * IRR (fin_oracle.py, mpmath): approved 0.25566721937479904650, plan
 * 0.11856995429646173426. Payback (years): approved 1.5833333 = 19 months,
 * plan 1.7833333 = 21.4 months; trend never.
 */
static void test_reforecast_year_grid(void **state)
{
	(void)state;
	struct tk k;
	const char *plan =
		"kind,name,value,timing,start,end,risk,owner,metric,phase\n"
		"setting,horizon_years,2\n"
		"setting,discount_rate,10%\n"
		"setting,start_date,2027-01\n"
		"phase,build,,,1,12,,,,\n"
		"cost,Licence,12000,yearly,1,,0,,,build\n"
		"cost,Setup,5000,once,0,,0,,,\n"
		"benefit,Gain,24000,yearly,4,,25%,Sales,Deals,build\n";
	tk_load(&k, plan,
		"q1.csv", "period,kind,name,value\n0,cost,Setup,5600\n2027-01,cost,Licence,1000\n"
			  "2027-02,cost,Licence,1000\n2027-03,cost,Licence,1150\n",
		"q2.csv", "kind,value,name,period,x_by\ncost,1000,Licence,4,AK\ncost,1000,Licence,5,\n"
			  "cost,1000,Licence,6,\nbenefit,1200,Gain,4,\nbenefit,1350,Gain,5,\n"
			  "benefit,1500,Gain,2027-06,\n", NULL);
	const crm_track *t = k.t;
	assert_int_equal(t->last, 6);
	assert_close(row_named(t, "Setup")->index, 1.12, 1e-12, 0);
	assert_close(row_named(t, "Licence")->index, 1.025, 1e-12, 0);
	assert_close(row_named(t, "Gain")->index, 0.9, 1e-12, 0);
	assert_close(t->approved.npv, 1322.3140495867768595, 1e-12, 0);
	assert_close(t->plan.npv, 176.85950413223140496, 1e-11, 0);
	assert_close(t->trend.npv, -304100.0 / 121.0, 1e-12, 0);
	assert_true(t->approved.irr_ok && t->plan.irr_ok);
	assert_close(t->approved.irr_value, 0.25566721937479904650, 1e-9, 0);
	assert_close(t->plan.irr_value, 0.11856995429646173426, 1e-9, 0);
	assert_close(t->approved.payback.months, 19.0, 1e-12, 0);
	assert_close(t->plan.payback.months, 21.4, 1e-12, 0);
	assert_int_equal(t->trend.payback.status, CRM_PAYBACK_NEVER);
	/* The trend NPV is below zero and the phase has started: off track. */
	assert_int_equal(t->phases[0].verdict, CRM_OFF_TRACK);
	assert_contains(t->phases[0].reason, "trend NPV is below zero");
	assert_int_equal(t->warnings.count, 0);
	tk_free(&k);
}

/*
 * Actuals late in the horizon: the last seven months of a three-year plan
 * that starts in April 2027, so month 30 is 2029-09 and month 36, the last,
 * 2030-03 (month 1 is 2027-04, month 13 2028-04, month 25 2029-04).
 *   Setup 50,000 once in month 0; Run 1,200 a year = 100 a month; Gain
 *   36,000 a year = 3,000 a month; no risk.
 * Actuals: Run 110 in months 30-36; Gain 2,700 in months 30-35, none in
 * month 36, which has Run's: Gain's plan of 3,000 is assumed there. The
 * criterion adoption, due in month 36, is measured at 85% in month 36: met.
 * Indexes over months 30-36: Run 770 / 700 = 1.1; Gain (6 x 2,700 + 3,000) /
 * 21,000 = 19,200 / 21,000.
 * Net to date: plan -50,000 + 36 x 2,900 = 54,400; actual -50,000 + 29 x
 * 2,900 + 6 x 2,590 + 2,890 = 52,530.
 * Year flows: approved -50,000, 34,800 x 3; the re-forecasts (actuals to
 * the end) -50,000, 34,800, 34,800, 5 x 2,900 + 6 x 2,590 + 2,890 = 32,930.
 * NPV at 10% (exact fractions, and fin_oracle.py's gnumeric engine):
 * approved 48638000/1331 = 36542.449286250936, re-forecast 46768000/1331 =
 * 35137.490608564985; IRR (gnumeric) 0.4823031286434776116 and
 * 0.47244919250257332542; payback 1 + 15,200 / 34,800 years = 17.241379...
 * months in both.
 */
static void expect_fail(const char *scenario, const char *first, const char *text, int line,
			const char *want);

static const char *late_plan =
	"kind,name,value,timing,start,end,risk,phase,baseline,target,due\n"
	"setting,horizon_years,3\n"
	"setting,discount_rate,10%\n"
	"setting,start_date,2027-04\n"
	"phase,run,,,25,36,,,,,\n"
	"criterion,adoption,,,,,,run,20%,80%,36\n"
	"cost,Setup,50000,once,0,,0,,,,\n"
	"cost,Run,1200,yearly,1,,0,,,,\n"
	"benefit,Gain,36000,yearly,1,,0,,,,\n";

static void test_late_in_horizon(void **state)
{
	(void)state;
	struct tk k;
	char label[64];
	tk_load(&k, late_plan, "late.csv",
		"period,kind,name,value\n"
		"2029-09,cost,Run,110\n31,cost,Run,110\n32,cost,Run,110\n33,cost,Run,110\n"
		"34,cost,Run,110\n35,cost,Run,110\n2030-03,cost,Run,110\n"
		"2029-09,benefit,Gain,2700\n31,benefit,Gain,2700\n32,benefit,Gain,2700\n"
		"33,benefit,Gain,2700\n34,benefit,Gain,2700\n35,benefit,Gain,2700\n"
		"36,criterion,adoption,85%\n", NULL);
	const crm_track *t = k.t;
	assert_int_equal(t->months, 36);
	assert_int_equal(t->last, 36);
	for (int m = 0; m <= 36; m++)
		assert_int_equal(t->with_actuals[m], m >= 30);
	crm_track_month_label(k.sc, 30, label, sizeof label);
	assert_string_equal(label, "month 30 (2029-09)");
	crm_track_month_label(k.sc, 36, label, sizeof label);
	assert_string_equal(label, "month 36 (2030-03)");

	const crm_track_row *run = row_named(t, "Run"), *gain = row_named(t, "Gain");
	assert_true(run->given[30] && run->given[36] && !run->given[29]);
	assert_close(run->month[36].actual, 110, 0, 0);
	assert_close(run->month[36].plan, 100, 1e-12, 0);
	assert_close(run->index, 1.1, 1e-12, 0);
	assert_int_equal(run->nassumed, 0);
	assert_false(gain->given[36]);
	assert_int_equal(gain->nassumed, 1);
	assert_int_equal(gain->assumed[0], 36);
	assert_close(gain->index, 19200.0 / 21000.0, 1e-12, 0);

	const crm_track_row *net = row_named(t, "Net");
	assert_close(net->cum[36].plan, 54400, 1e-12, 0);
	assert_close(net->cum[36].actual, 52530, 1e-12, 0);
	assert_close(net->cum[29].actual, net->cum[29].plan, 1e-12, 0);

	assert_close(t->approved.npv, 48638000.0 / 1331.0, 1e-12, 0);
	assert_close(t->plan.npv, 46768000.0 / 1331.0, 1e-12, 0);
	assert_close(t->trend.npv, 46768000.0 / 1331.0, 1e-12, 0);
	assert_true(t->approved.irr_ok && t->plan.irr_ok);
	assert_close(t->approved.irr_value, 0.4823031286434776116, 1e-9, 0);
	assert_close(t->plan.irr_value, 0.47244919250257332542, 1e-9, 0);
	assert_close(t->plan.payback.months, 12 + 12 * 15200.0 / 34800.0, 1e-12, 0);
	assert_int_equal(t->warnings.count, 0);
	/* The criterion due in month 36, measured then (given as the number 36): met. */
	assert_int_equal(t->criteria[0].latest_month, 36);
	assert_int_equal(t->criteria[0].status, CRM_CRIT_MET);
	assert_true(t->criteria[0].due_so_far);
	assert_int_equal(t->phases[0].verdict, CRM_ON_TRACK);
	assert_int_equal(t->phases[0].ndue, 1);
	tk_free(&k);

	/* Month 36 is the last that may have actuals: month 37 is refused either way. */
	expect_fail(late_plan, NULL, "period,kind,name,value\n2030-04,cost,Run,110\n", 2,
		    "period '2030-04' is month 37, after the 36-month horizon (the plan ends in "
		    "month 36 (2030-03))");
	expect_fail(late_plan, NULL, "period,kind,name,value\n37,cost,Run,110\n", 2,
		    "period 37 is after the 36-month horizon");
}

/*
 * Criteria. Last month with actuals: 5.
 *   defects (down): baseline 120, target 10, due 3; measured 43.5 in month 3:
 *     progress (43.5 - 120) / (10 - 120) = 76.5 / 110 = 0.69545454...; not met.
 *   adoption: 20% -> 80%, due 6; 62% in month 5: progress 0.42 / 0.6 = 0.7;
 *     not yet due.
 *   training: 0 -> 50, due 2; 51 in month 1: met.
 *   cycle (down): 30 -> 4, due 5; 3.5 in month 4: met (below the target).
 * Phase build: one criterion due and not met -> at risk.
 * Phase run: two criteria due by month 4, never measured -> overdue, off track.
 * Phase later: starts in month 9, nothing due -> on track.
 */
static void test_criteria_and_gates(void **state)
{
	(void)state;
	struct tk k;
	const char *plan =
		"kind,name,value,timing,start,end,phase,baseline,target,direction,due,owner\n"
		"setting,horizon_years,1\n"
		"phase,build,,,1,6,,,,,,\n"
		"phase,run,,,2,12,,,,,,\n"
		"phase,later,,,9,12,,,,,,\n"
		"criterion,defects,,,,,build,120,10,down,3,QA\n"
		"criterion,adoption,,,,,build,20%,80%,,6,\n"
		"criterion,training,,,,,build,0,50,up,2,\n"
		"criterion,cycle,,,,,run,30,4,down,5,\n"
		"criterion,uptime,,,,,run,90%,99%,,4,\n"
		"criterion,tickets,,,,,run,500,100,down,4,\n"
		"criterion,nps,,,,,later,10,40,,12,\n"
		"cost,Run,100,monthly,1,,,,,,,\n"
		"benefit,Gain,1000,monthly,1,,,,,,,\n";
	tk_load(&k, plan, "m.csv",
		"period,kind,name,value\n"
		"3,criterion,defects,43.5\n"
		"1,criterion,defects,80\n"
		"5,criterion,adoption,62%\n"
		"1,criterion,training,51\n"
		"4,criterion,cycle,3.5\n"
		"5,cost,Run,100\n", NULL);
	const crm_track *t = k.t;
	const crm_track_criterion *c = t->criteria;
	assert_int_equal(t->last, 5);
	/* defects: the latest (month 3), not the first given. */
	assert_int_equal(c[0].latest_month, 3);
	assert_close(c[0].latest, 43.5, 0, 0);
	assert_close(c[0].progress, 76.5 / 110.0, 1e-12, 0);
	assert_int_equal(c[0].status, CRM_CRIT_NOT_MET);
	assert_true(c[0].missed);
	assert_close(c[1].progress, 0.7, 1e-12, 0);
	assert_int_equal(c[1].status, CRM_CRIT_NOT_YET_DUE);
	assert_int_equal(c[2].status, CRM_CRIT_MET);
	assert_int_equal(c[3].status, CRM_CRIT_MET);
	assert_close(c[3].progress, 26.5 / 26.0, 1e-12, 0);
	assert_int_equal(c[4].status, CRM_CRIT_OVERDUE);
	assert_int_equal(c[5].status, CRM_CRIT_OVERDUE);
	assert_int_equal(c[6].status, CRM_CRIT_NOT_YET_DUE);
	assert_int_equal(t->phases[0].verdict, CRM_AT_RISK);
	assert_int_equal(t->phases[0].nmissed, 1);
	assert_int_equal(t->phases[1].verdict, CRM_OFF_TRACK);
	assert_int_equal(t->phases[1].nmissed, 2);
	assert_int_equal(t->phases[2].verdict, CRM_ON_TRACK);
	assert_string_equal(t->phases[2].reason, "no criterion due yet");
	tk_free(&k);
}

/* An actuals text that must fail; its message must hold want. */
static void expect_fail(const char *scenario, const char *first, const char *text, int line,
			const char *want)
{
	crm_error err;
	crm_scenario *sc = load_text(scenario);
	crm_actuals *a = crm_actuals_new(sc);

	crm_error_clear(&err);
	assert_non_null(a);
	if (first)
		assert_int_equal(crm_actuals_parse(a, first, strlen(first), "first.csv", 0, &err),
				 CRM_OK);
	assert_int_equal(crm_actuals_parse(a, text, strlen(text), "second.csv", 0, &err), CRM_EDATA);
	assert_string_equal(err.file, "second.csv");
	assert_int_equal(err.line, line);
	assert_contains(err.msg, want);
	crm_actuals_free(a);
	crm_scenario_free(sc);
}

static void test_actuals_errors(void **state)
{
	(void)state;
	const char *sc = "kind,name,value,timing\nsetting,horizon_years,1\n"
			 "setting,start_date,2027-01\ncost,Licences,100,monthly\n";
	/* Past the horizon: month 13 of a 12-month plan, as a number and as a date. */
	expect_fail(sc, NULL, "period,kind,name,value\n13,cost,Licences,100\n", 2,
		    "after the 12-month horizon");
	expect_fail(sc, NULL, "period,kind,name,value\n2028-01,cost,Licences,100\n", 2,
		    "month 13, after the 12-month horizon");
	/* The same month twice across files: both places named. */
	expect_fail(sc, "period,kind,name,value\n# c\n3,cost,Licences,100\n",
		    "period,kind,name,value\n2027-03,cost,Licences,90\n", 2,
		    "given twice: here and at first.csv:3");
	expect_fail(sc, NULL, "period,kind,name,value\n1,cost,Licenses,100\n", 2,
		    "did you mean 'Licences'?");
	expect_fail(sc, NULL, "period,kind,name,value\n1,benefit,Licences,100\n", 2,
		    "is a cost line of the plan");
	expect_fail(sc, NULL, "period,kind,name,amount\n", 1, "unknown column 'amount'");
	expect_fail(sc, NULL, "period,kind,name,value\n1.5,cost,Licences,100\n", 2,
		    "is not a month");
	expect_fail(sc, NULL, "period,kind,name,value\n1,cost,Licences,1O0\n", 2, "value");
	expect_fail(sc, NULL, "period,kind,name,value\n1,costs,Licences,100\n", 2,
		    "did you mean 'cost'?");
	expect_fail(sc, NULL, "period,kind,name,value\n1,cost,Licences,1e300\n", 2,
		    "is beyond 1e+15");
}

/*
 * The warning that the monthly plan differs from the yearly one allows
 * 1e-9 of the plan's size plus half a cent. A benefit of 2,000,000 +
 * k x month a year, over one year with no risk: on the year grid month is 1,
 * so Year 1 is 2,000,000 + k; by month it is the sum over months 1-12 of
 * (2,000,000 + k x m) / 12 = 2,000,000 + 6.5 k. They differ by 5.5 k, and the
 * tolerance is 1e-9 x 2,000,000 + 0.005 = 0.007 (by hand): k = 0.001 differs
 * by 0.0055, no warning (either term alone, 0.002 or 0.005, would warn);
 * k = 0.002 by 0.011, a warning.
 */
static void test_fold_warning_tolerance(void **state)
{
	(void)state;
	static const char *const plan =
		"kind,name,value,timing,risk\nsetting,horizon_years,1\n"
		"benefit,Growing,2000000 + %s * month,yearly,0\n";
	const char *actuals = "period,kind,name,value\n1,benefit,Growing,166666\n";
	char text[256];
	struct tk k;

	snprintf(text, sizeof text, plan, "0.001");
	tk_load(&k, text, "a.csv", actuals, NULL);
	assert_int_equal(k.t->warnings.count, 0);
	tk_free(&k);
	snprintf(text, sizeof text, plan, "0.002");
	tk_load(&k, text, "a.csv", actuals, NULL);
	assert_int_equal(k.t->warnings.count, 1);
	assert_contains(k.t->warnings.items[0].msg, "differs from the yearly plan by 0.01 in Year 1");
	tk_free(&k);
}

/* An actuals header that must fail at line 1, column col, with a message holding want. */
static void expect_header_fail(const char *text, int col, const char *want)
{
	crm_error err;
	crm_scenario *sc = load_text("kind,name,value,timing\ncost,Licences,100,monthly\n");
	crm_actuals *a = crm_actuals_new(sc);

	crm_error_clear(&err);
	assert_non_null(a);
	assert_int_equal(crm_actuals_parse(a, text, strlen(text), "h.csv", 0, &err), CRM_EDATA);
	assert_string_equal(err.file, "h.csv");
	if (err.line != 1 || err.col != col) {
		print_error("at %d:%d, expected 1:%d (%s)\n", err.line, err.col, col, err.msg);
		fail();
	}
	assert_contains(err.msg, want);
	crm_actuals_free(a);
	crm_scenario_free(sc);
}

/*
 * The header's errors name the column by its number (1-based) and its name
 * as read (lowercased, so X is 'x'): a one-letter name is a name like any
 * other, and only x_... is for notes; an empty name with named columns after
 * it is refused where it is, while empty columns at the end are allowed.
 */
static void test_actuals_header_errors(void **state)
{
	(void)state;
	expect_header_fail("period,kind,name,value,x\n", 5, "unknown column 'x' in an actuals file "
			   "(expected period");
	expect_header_fail("Period,Kind,Name,Value,X\n", 5, "unknown column 'x' in an actuals file "
			   "(expected period");
	expect_header_fail("p,kind,name,value\n", 1, "unknown column 'p' in an actuals file "
			   "(expected period");
	expect_header_fail("period,,kind,name,value\n", 2, "empty column name in the header");
	expect_header_fail("period,kind,name,value,,x_by\n", 5, "empty column name in the header");
	expect_header_fail("period,kind,name,value,Value\n", 5, "column 'value' appears twice in "
			   "the header (first as column 4)");

	crm_error err;
	crm_scenario *sc = load_text("kind,name,value,timing\ncost,Licences,100,monthly\n");
	crm_actuals *a = crm_actuals_new(sc);
	const char *ok = "period,kind,name,value,x_by,,\n1,cost,Licences,90,AK,,\n";
	crm_error_clear(&err);
	assert_int_equal(crm_actuals_parse(a, ok, strlen(ok), "ok.csv", 0, &err), CRM_OK);
	assert_int_equal(crm_actuals_count(a), 1);
	assert_close(crm_actuals_get(a, 0)->value, 90, 0, 0);
	crm_actuals_free(a);
	crm_scenario_free(sc);
}

/* A failed file leaves nothing behind: the same rows can then be read again. */
static void test_failed_file_rolls_back(void **state)
{
	(void)state;
	crm_error err;
	crm_scenario *sc = load_text("kind,name,value,timing\ncost,Run,10,monthly\n");
	crm_actuals *a = crm_actuals_new(sc);
	const char *bad = "period,kind,name,value\n1,cost,Run,5\n40,cost,Run,5\n";
	const char *good = "period,kind,name,value\n1,cost,Run,5\n";

	crm_error_clear(&err);
	assert_int_equal(crm_actuals_parse(a, bad, strlen(bad), "bad.csv", 0, &err), CRM_EDATA);
	assert_int_equal(crm_actuals_count(a), 0);
	assert_int_equal(crm_actuals_parse(a, good, strlen(good), "good.csv", 0, &err), CRM_OK);
	assert_int_equal(crm_actuals_count(a), 1);
	crm_actuals_free(a);
	crm_scenario_free(sc);
}

/* The chunk size given to the CSV reader changes nothing. */
static void test_chunks(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(month_plan);
	for (size_t chunk = 1; chunk < 20; chunk++) {
		crm_error err;
		crm_actuals *a = crm_actuals_new(sc);
		crm_error_clear(&err);
		assert_int_equal(crm_actuals_parse(a, month_actuals, strlen(month_actuals), "a.csv",
						   chunk, &err), CRM_OK);
		assert_int_equal(crm_actuals_count(a), 4);
		assert_close(crm_actuals_get(a, 1)->value, 987.25, 0, 0);
		assert_int_equal(crm_actuals_get(a, 1)->loc.line, 4);
		crm_actuals_free(a);
	}
	crm_scenario_free(sc);
}

static void expect_load_fail(const char *text, int line, const char *want)
{
	crm_error err;
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_parse(text, strlen(text), "p.csv", 0, &err);
	assert_null(sc);
	assert_int_equal(err.line, line);
	assert_contains(err.msg, want);
}

static void test_plan_rows(void **state)
{
	(void)state;
	const char *h = "kind,name,value,start,end,phase,baseline,target,direction,due\n";
	char buf[512];

	snprintf(buf, sizeof buf, "%sphase,a,,1,3\ncriterion,c,,,,b,1,2\n", h);
	expect_load_fail(buf, 3, "phase 'b' is not defined");
	snprintf(buf, sizeof buf, "%sphase,a,,1,3\ncriterion,c,,,,a,10,2,up\n", h);
	expect_load_fail(buf, 3, "expected direction=down");
	snprintf(buf, sizeof buf, "%sphase,a,,1,3\ncriterion,c,,,,a,10%%,20\n", h);
	expect_load_fail(buf, 3, "both be percentages");
	snprintf(buf, sizeof buf, "%sphase,a,,4,3\n", h);
	expect_load_fail(buf, 2, "before start month");
	snprintf(buf, sizeof buf, "%sphase,a,,1,3\nphase,a,,2,3\n", h);
	expect_load_fail(buf, 3, "defined twice");
	snprintf(buf, sizeof buf, "%sphase,a,,1,3\ncost,X,10,,,a,5\n", h);
	expect_load_fail(buf, 3, "has no meaning");
	snprintf(buf, sizeof buf, "%sphase,a,,1,3\ncost,X,10,,,ab\n", h);
	expect_load_fail(buf, 3, "did you mean 'a'?");
	snprintf(buf, sizeof buf, "%sphase,a,,1,3\ncriterium,c,,,,a,1,2\n", h);
	expect_load_fail(buf, 3, "did you mean 'criterion'?");
	snprintf(buf, sizeof buf, "kind,name,value,baselin\n");
	expect_load_fail(buf, 1, "did you mean 'baseline'?");

	snprintf(buf, sizeof buf, "%sphase,a,,1,3\ncriterion,c,,,,a,0.5,0.25,down,2\n"
		 "cost,X,10,,,a\n", h);
	crm_scenario *sc = load_text(buf);
	assert_int_equal(sc->nphases, 1);
	assert_int_equal(sc->ncriteria, 1);
	assert_int_equal(sc->criteria[0].direction, CRM_DIR_DOWN);
	assert_int_equal(sc->criteria[0].due, 2);
	assert_int_equal(sc->lines[0].phase, 0);
	crm_warnings w;
	memset(&w, 0, sizeof w);
	assert_int_equal(crm_track_plan_warnings(sc, &w), CRM_OK);
	/* Fewer than three criteria; a criterion without owner. */
	assert_int_equal(w.count, 2);
	crm_warnings_free(&w);
	crm_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_variances_and_indexes),
		cmocka_unit_test(test_reforecast_month_grid),
		cmocka_unit_test(test_reforecast_year_grid),
		cmocka_unit_test(test_late_in_horizon),
		cmocka_unit_test(test_fold_warning_tolerance),
		cmocka_unit_test(test_criteria_and_gates),
		cmocka_unit_test(test_actuals_errors),
		cmocka_unit_test(test_actuals_header_errors),
		cmocka_unit_test(test_failed_file_rolls_back),
		cmocka_unit_test(test_chunks),
		cmocka_unit_test(test_plan_rows),
	};
	crm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
