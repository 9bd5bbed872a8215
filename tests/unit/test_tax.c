/*
 * test_tax.c - depreciation, after-tax flows, calendar days, XNPV and XIRR
 * against independent values.
 *
 * Sources:
 *  - depreciation: Gnumeric 1.12.55's SLN, SYD and VDB(cost, salvage, life,
 *    y - 1, y, factor, FALSE), recomputed with `ssconvert --recalc`;
 *  - the after-tax exercise: the textbook case (5,000 capitalised, straight line
 *    over 5 years, 1,500 a year before tax, tax 40%, 10%): before-tax NPV
 *    +686.18, after-tax cash flow 1,300 a year, after-tax NPV -71.98; with
 *    sum-of-years' digits +23.99; the NPVs to full precision from
 *    ../shared/oracle/fin_oracle.py --engines mpmath;
 *  - XNPV and XIRR: Excel's documentation example (9%: XNPV 2,086.65, XIRR
 *    37.34%) and further cases, from the same oracle (gnumeric and mpmath).
 */
#include "testutil.h"

#include "crmroi/finance.h"
#include "crmroi/tax.h"

static void test_straight_line(void **state)
{
	double d[5];
	(void)state;
	crm_depreciation_schedule(10000, 1000, 5, CRM_DEPR_STRAIGHT, 2, d);
	for (int y = 0; y < 5; y++)
		assert_close(d[y], 1800, REL, 0);   /* SLN(10000, 1000, 5) */
}

static void test_syd(void **state)
{
	double d[5];
	const double want[5] = { 3000, 2400, 1800, 1200, 600 };   /* SYD(10000, 1000, 5, y) */
	(void)state;
	crm_depreciation_schedule(10000, 1000, 5, CRM_DEPR_SYD, 2, d);
	for (int y = 0; y < 5; y++)
		assert_close(d[y], want[y], REL, 1e-9);
}

static void test_declining_switches_and_stops_at_salvage(void **state)
{
	double d[7];
	(void)state;
	/* VDB(10000, 1000, 5, y-1, y, 2): the last year is cut at the salvage value. */
	const double a[5] = { 4000, 2400, 1440, 864, 296 };
	crm_depreciation_schedule(10000, 1000, 5, CRM_DEPR_DECLINING, 2, d);
	for (int y = 0; y < 5; y++)
		assert_close(d[y], a[y], REL, 1e-9);
	/* VDB(5000, 0, 5, y-1, y, 2): switches to straight line in year 4. */
	const double b[5] = { 2000, 1200, 720, 540, 540 };
	crm_depreciation_schedule(5000, 0, 5, CRM_DEPR_DECLINING, 2, d);
	for (int y = 0; y < 5; y++)
		assert_close(d[y], b[y], REL, 1e-9);
	/* VDB(2385.5, 0, 7, y-1, y, 1.5): 150% declining balance. */
	const double c[7] = { 511.1785714285714286, 401.64030612244897966, 315.57452623906705547,
			      289.27664905247813407, 289.27664905247813407, 289.27664905247813404,
			      289.27664905247813398 };
	crm_depreciation_schedule(2385.5, 0, 7, CRM_DEPR_DECLINING, 1.5, d);
	for (int y = 0; y < 7; y++)
		assert_close(d[y], c[y], REL, 1e-9);
	/* VDB(12000, 3000, 4, y-1, y, 2): salvage reached in year 2. */
	const double e[4] = { 6000, 3000, 0, 0 };
	crm_depreciation_schedule(12000, 3000, 4, CRM_DEPR_DECLINING, 2, d);
	for (int y = 0; y < 4; y++)
		assert_close(d[y], e[y], REL, 1e-9);
}

/* After-tax flows of the textbook exercise, NPV at 10%. */
static double after_tax_npv(crm_depreciation method)
{
	double profit[5] = { 1500, 1500, 1500, 1500, 1500 }, dep[5], flows[6] = { -5000 };
	crm_tax_year t[5];
	double beyond;

	crm_depreciation_schedule(5000, 0, 5, method, 2, dep);
	crm_tax_compute(profit, dep, 5, 0.40, 0, CRM_LOSSES_OFFSET, t, &beyond);
	assert_close(beyond, 0, 0, 0);
	for (int y = 0; y < 5; y++)
		flows[y + 1] = profit[y] - t[y].tax_paid;
	return crm_npv(flows, 6, 1, 0.10);
}

static void test_textbook_after_tax(void **state)
{
	double before[6] = { -5000, 1500, 1500, 1500, 1500, 1500 };
	(void)state;
	assert_close(crm_npv(before, 6, 1, 0.10), 686.1801541126723832823143, REL, 0);
	assert_close(after_tax_npv(CRM_DEPR_STRAIGHT), -71.97719976901726782199428, REL, 0);
	assert_close(after_tax_npv(CRM_DEPR_SYD), 23.99239992300575594548932, REL, 0);
}

static void test_tax_lag_and_losses(void **state)
{
	/* By hand: profits -100, -50, 300, 200 with no depreciation, 25% tax. */
	double profit[4] = { -100, -50, 300, 200 }, dep[4] = { 0 }, beyond;
	crm_tax_year t[4];
	(void)state;
	/* offset, lag 1: taxes -25, -12.5, 75, 50, paid a year later; 50 falls after Year 4. */
	crm_tax_compute(profit, dep, 4, 0.25, 1, CRM_LOSSES_OFFSET, t, &beyond);
	assert_close(t[0].tax_paid, 0, 0, 0);
	assert_close(t[1].tax_paid, -25, REL, 0);
	assert_close(t[2].tax_paid, -12.5, REL, 0);
	assert_close(t[3].tax_paid, 75, REL, 0);
	assert_close(beyond, 50, REL, 0);
	/* carry forward, no lag: 150 of losses set against Year 3's 300: tax 37.5; Year 4 50. */
	crm_tax_compute(profit, dep, 4, 0.25, 0, CRM_LOSSES_CARRY_FORWARD, t, &beyond);
	assert_close(t[0].tax, 0, 0, 0);
	assert_close(t[1].loss_carried, 150, REL, 0);
	assert_close(t[2].loss_used, 150, REL, 0);
	assert_close(t[2].tax, 37.5, REL, 0);
	assert_close(t[2].loss_carried, 0, 0, 0);
	assert_close(t[3].tax, 50, REL, 0);
	assert_close(beyond, 0, 0, 0);
}

static void test_dates(void **state)
{
	int y, m, d;
	(void)state;
	assert_int_equal(crm_date_days(1970, 1, 1), 0);
	/* Spreadsheet serials: 2008-01-01 is 39448 and 2009-04-01 is 39904 (1900 system). */
	assert_int_equal(crm_date_days(2009, 4, 1) - crm_date_days(2008, 1, 1), 39904 - 39448);
	assert_int_equal(crm_date_parse("2028-02-29", &y, &m, &d), 0);
	assert_int_equal(crm_date_parse("2027-02-29", &y, &m, &d), -1);
	assert_int_equal(crm_date_parse("2027-1-05", &y, &m, &d), -1);
	assert_int_equal(crm_date_parse("2027-13-01", &y, &m, &d), -1);
	y = 2027, m = 1, d = 31;
	crm_date_add_months(&y, &m, &d, 1);      /* EDATE(2027-01-31, 1) = 2027-02-28 */
	assert_true(y == 2027 && m == 2 && d == 28);
	y = 2027, m = 11, d = 30;
	crm_date_add_months(&y, &m, &d, 27);     /* EDATE(2027-11-30, 27) = 2030-02-28 */
	assert_true(y == 2030 && m == 2 && d == 28);
}

/*
 * The date read is the date written, digit by digit, across the range
 * finance.h allows (a real calendar day from 1900 to 2999): 2127 is not
 * 1927 or 2027, and both ends of the range are in it, their neighbours
 * out. Leap days by the Gregorian rule: 2000 has one, 1900 and 2100 none.
 */
static void test_date_parse_fields(void **state)
{
	static const struct { const char *s; int y, m, d; } ok[] = {
		{ "2127-06-15", 2127, 6, 15 }, { "1927-06-15", 1927, 6, 15 },
		{ "2027-10-09", 2027, 10, 9 }, { "2238-11-30", 2238, 11, 30 },
		{ "1900-01-01", 1900, 1, 1 }, { "1999-12-31", 1999, 12, 31 },
		{ "2999-12-31", 2999, 12, 31 }, { "2000-02-29", 2000, 2, 29 },
		{ "2096-02-29", 2096, 2, 29 },
	};
	static const char *const bad[] = { "1899-12-31", "3000-01-01", "1900-02-29",
		"2100-02-29", "2127-00-15", "2127-06-00", "2127-06-31", "2127-12-32" };
	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		int y = 0, m = 0, d = 0;
		if (crm_date_parse(ok[i].s, &y, &m, &d) != 0 || y != ok[i].y || m != ok[i].m ||
		    d != ok[i].d) {
			print_error("%s read as %04d-%02d-%02d\n", ok[i].s, y, m, d);
			fail();
		}
	}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		int y, m, d;
		if (crm_date_parse(bad[i], &y, &m, &d) != -1) {
			print_error("%s is not refused\n", bad[i]);
			fail();
		}
	}
}

static void years_from(const int (*dates)[3], size_t n, double *t)
{
	long d0 = crm_date_days(dates[0][0], dates[0][1], dates[0][2]);
	for (size_t i = 0; i < n; i++)
		t[i] = (double)(crm_date_days(dates[i][0], dates[i][1], dates[i][2]) - d0) / 365.0;
}

static void test_xnpv_xirr_excel_example(void **state)
{
	static const int dates[5][3] = { { 2008, 1, 1 }, { 2008, 3, 1 }, { 2008, 10, 30 },
					 { 2009, 2, 15 }, { 2009, 4, 1 } };
	double v[5] = { -10000, 2750, 4250, 3250, 2750 }, t[5];
	crm_irr r;
	crm_error err;
	(void)state;
	years_from(dates, 5, t);
	assert_close(crm_xnpv(v, t, 5, 0.09), 2086.64760203153662166361, REL, 0);
	assert_int_equal(crm_xirr_solve(v, t, 5, &r, &err), CRM_OK);
	assert_int_equal(r.status, CRM_IRR_UNIQUE);
	assert_close(r.roots[0], 0.3733625335188315103084554, REL, 0);
}

static void test_xirr_several_and_double_roots(void **state)
{
	static const int dates[6][3] = { { 2027, 3, 15 }, { 2027, 4, 30 }, { 2027, 12, 31 },
					 { 2028, 6, 30 }, { 2028, 7, 1 }, { 2029, 2, 28 } };
	static const int yearly[3][3] = { { 2021, 1, 1 }, { 2022, 1, 1 }, { 2023, 1, 1 } };
	double t[6];
	crm_irr r;
	crm_error err;
	(void)state;
	/* -100, +230, -132 a year apart: XNPV = 0 at 10% and at 20%. */
	double two[3] = { -100, 230, -132 };
	years_from(yearly, 3, t);
	assert_int_equal(crm_xirr_solve(two, t, 3, &r, &err), CRM_OK);
	assert_int_equal(r.status, CRM_IRR_MULTIPLE);
	assert_int_equal(r.nroots, 2);
	assert_close(r.roots[0], 0.1, 1e-12, 0);
	assert_close(r.roots[1], 0.2, 1e-12, 0);
	/* -1000, +2200, -1210: XNPV touches 0 at exactly 10% (a double root). */
	double dbl[3] = { -1000, 2200, -1210 };
	assert_int_equal(crm_xirr_solve(dbl, t, 3, &r, &err), CRM_OK);
	assert_int_equal(r.nroots, 1);
	assert_close(r.roots[0], 0.1, 1e-12, 0);
	/* Uneven dates, three sign changes, one root. */
	double v[6] = { -250000, -12345.67, 38000, 91000.5, -5000, 120000 };
	years_from(dates, 6, t);
	assert_close(crm_xnpv(v, t, 6, 0.08), -45465.01654793346272142813, REL, 0);
	assert_int_equal(crm_xirr_solve(v, t, 6, &r, &err), CRM_OK);
	assert_int_equal(r.nroots, 1);
	assert_close(r.roots[0], -0.04586029972303011786175726, REL, 0);
	/* No sign change: no rate. */
	double pos[3] = { 10, 20, 30 };
	assert_int_equal(crm_xirr_solve(pos, t, 3, &r, &err), CRM_OK);
	assert_int_equal(r.status, CRM_IRR_NONE);
}

/*
 * A long dated series: -10,000 on 2027-01-15 and +400 on the 15th of each of
 * the next 59 months (one sign change; with -12,000 on 2032-01-15 added, two
 * roots). Roots from ../shared/oracle/fin_oracle.py --engines mpmath,gnumeric
 * (XIRR of every flow on its date): one change 0.504901062606336019461521;
 * two changes -0.1300044039151301068166821 and 0.2850709891981918580506704.
 */
static size_t long_series(double *v, double *t, int with_end)
{
	int dates[61][3];
	size_t n = 0;
	dates[n][0] = 2027, dates[n][1] = 1, dates[n][2] = 15;
	v[n++] = -10000;
	for (int k = 1; k < 60; k++) {
		dates[n][0] = 2027 + k / 12, dates[n][1] = 1 + k % 12, dates[n][2] = 15;
		v[n++] = 400;
	}
	if (with_end) {
		dates[n][0] = 2032, dates[n][1] = 1, dates[n][2] = 15;
		v[n++] = -12000;
	}
	years_from((const int (*)[3])dates, n, t);
	return n;
}

/*
 * XIRR takes flows in any order and nets those of one day first: the long
 * series written backwards, with one +400 split into +700 and -300 on its
 * day (so the flows written change sign four times more), has the roots of
 * the series in order, to the bit, and the oracle's.
 */
static void test_xirr_any_order_same_day_netted(void **state)
{
	double v[61], t[61], sv[62], st[62];
	crm_irr in_order, shuffled;
	crm_error err;
	(void)state;
	for (int with_end = 0; with_end < 2; with_end++) {
		size_t n = long_series(v, t, with_end), k = 0;
		for (size_t i = n; i-- > 0;) {
			sv[k] = v[i], st[k++] = t[i];
			if (i == 30) {
				sv[k - 1] = 700;
				sv[k] = -300, st[k++] = t[i];
			}
		}
		assert_int_equal(crm_xirr_solve(v, t, n, &in_order, &err), CRM_OK);
		assert_int_equal(crm_xirr_solve(sv, st, k, &shuffled, &err), CRM_OK);
		assert_int_equal(in_order.nroots, with_end ? 2 : 1);
		assert_int_equal(shuffled.nroots, in_order.nroots);
		for (size_t r = 0; r < in_order.nroots; r++)
			assert_true(shuffled.roots[r] == in_order.roots[r]);
		if (with_end) {
			assert_close(in_order.roots[0], -0.1300044039151301068166821, 1e-12, 0);
			assert_close(in_order.roots[1], 0.2850709891981918580506704, 1e-12, 0);
		} else {
			assert_close(in_order.roots[0], 0.504901062606336019461521, 1e-12, 0);
		}
	}
}

/*
 * XIRR the short way (crm_xirr_fast), as a simulation takes each draw: the
 * one root of flows that change sign once, from any guess, the same with the
 * factors at the guess given or not; 0 without a sign change; -1 (decide
 * the long way) with several. Reference: the oracle's roots above and
 * Excel's example (0.3733625335188315103084554).
 */
static void test_xirr_fast(void **state)
{
	static const int dates[5][3] = { { 2008, 1, 1 }, { 2008, 3, 1 }, { 2008, 10, 30 },
					 { 2009, 2, 15 }, { 2009, 4, 1 } };
	double excel[5] = { -10000, 2750, 4250, 3250, 2750 }, te[5];
	double v[61], t[61], e[61], r, r2;
	const double guesses[] = { -0.5, 0.08, 0.37, 3.0, 150.0 };
	(void)state;
	years_from(dates, 5, te);
	size_t n = long_series(v, t, 0);
	for (size_t g = 0; g < sizeof guesses / sizeof *guesses; g++) {
		assert_int_equal(crm_xirr_fast(excel, te, 5, guesses[g], NULL, &r), 1);
		assert_close(r, 0.3733625335188315103084554, 1e-12, 0);
		assert_int_equal(crm_xirr_fast(v, t, n, guesses[g], NULL, &r), 1);
		assert_close(r, 0.504901062606336019461521, 1e-12, 0);
		crm_xirr_factors(t, n, guesses[g], e);
		assert_int_equal(crm_xirr_fast(v, t, n, guesses[g], e, &r2), 1);
		assert_true(r2 == r);
	}
	n = long_series(v, t, 1);
	assert_int_equal(crm_xirr_fast(v, t, n, 0.1, NULL, &r), -1);
	for (size_t i = 0; i < n; i++)
		v[i] = fabs(v[i]);
	assert_int_equal(crm_xirr_fast(v, t, n, 0.1, NULL, &r), 0);
}

/*
 * Many sets of flows on the same days (crm_xirr_days): the roots
 * crm_xirr_solve finds for each, to the bit, and the days' factors are
 * read only (the same days serve every set).
 */
static void test_xirr_days(void **state)
{
	double v[61], t[61], w[61];
	int shapes[3] = { 0, 0, 0 };
	crm_irr a, b;
	crm_error err;
	(void)state;
	size_t n = long_series(v, t, 1);
	crm_xirr_days *d = crm_xirr_days_new(t, n);
	assert_non_null(d);
	for (int s = 0; s < 40; s++) {
		/* The end's cost from 0 (one root) to 20,000 (two, then none). */
		for (size_t i = 0; i < n; i++)
			w[i] = v[i];
		w[n - 1] = -500.0 * s;
		w[1] = s % 3 == 1 ? -w[1] : w[1];
		assert_int_equal(crm_xirr_solve(w, t, n, &a, &err), CRM_OK);
		assert_int_equal(crm_xirr_solve_days(d, w, &b, &err), CRM_OK);
		assert_int_equal(a.status, b.status);
		assert_int_equal(a.nroots, b.nroots);
		for (size_t r = 0; r < a.nroots; r++)
			assert_true(a.roots[r] == b.roots[r]);
		shapes[b.nroots < 2 ? b.nroots : 2]++;
		if (s == 24) {   /* the series of the oracle's two roots */
			assert_int_equal(b.nroots, 2);
			assert_close(b.roots[0], -0.1300044039151301068166821, 1e-12, 0);
			assert_close(b.roots[1], 0.2850709891981918580506704, 1e-12, 0);
		}
	}
	print_message("      ends with no root %d, one %d, several %d\n", shapes[0], shapes[1], shapes[2]);
	assert_true(shapes[0] > 0 && shapes[1] > 0 && shapes[2] > 0);
	crm_xirr_days_free(d);
	crm_xirr_days_free(NULL);
}

/* The after-tax view of a loaded scenario: model, cash flow, tax. */
static crm_after_tax after_tax_of(const char *text, crm_metrics *before)
{
	crm_error err;
	crm_scenario *sc = load_text(text);
	crm_model *m = crm_model_new(sc, &err);
	crm_cashflow *cf = crm_cashflow_new(m);
	crm_after_tax at;
	assert_non_null(cf);
	assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
	assert_int_equal(crm_metrics_compute(m, cf, before, &err), CRM_OK);
	assert_int_equal(crm_after_tax_compute(m, cf, &at, &err), CRM_OK);
	/* The after-tax view keeps its own copy of what it needs. */
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_scenario_free(sc);
	return at;
}

/*
 * Dated MIRR is defined on net flows. A cost of 400 and a benefit of 1,500 on
 * one day are a benefit of 1,100 that day: with 1,000 invested on day 0, the
 * day 167 of a one-year horizon and both rates 10%, MIRR = 1,100 x
 * 1.1^(198/365) / 1,000 - 1 (by hand), in whatever order the flows come. Only
 * costs (and a rounding remainder of a period's sum, 1e-17 beside 0.8) give
 * no MIRR, as a spreadsheet's MIRR gives none without a positive flow.
 */
static void test_xmirr_net_flows(void **state)
{
	double by_hand = 1100 * pow(1.1, 198.0 / 365) / 1000 - 1, out = 0;
	double v[3] = { -1000, -400, 1500 }, t[3] = { 0, 167.0 / 365, 167.0 / 365 };
	double v2[3] = { 1500, -1000, -400 }, t2[3] = { 167.0 / 365, 0, 167.0 / 365 };
	double costs[3] = { -0.7, -0.1, 1e-17 }, tc[3] = { 0.1, 0.2, 0.5 };
	(void)state;
	assert_int_equal(crm_xmirr(v, t, 3, 1.0, 0.1, 0.1, &out), 0);
	assert_close(out, by_hand, REL, 0);
	assert_int_equal(crm_xmirr(v2, t2, 3, 1.0, 0.1, 0.1, &out), 0);
	assert_close(out, by_hand, REL, 0);
	assert_int_equal(crm_xmirr(costs, tc, 3, 1.0, 0.1, 0.1, &out), -1);
	/* The periodic MIRR leaves a remainder out the same way. */
	double pcosts[3] = { -0.7, -0.1, 1e-17 };
	assert_int_equal(crm_mirr(pcosts, 3, 1, 0.1, 0.1, &out), -1);

	/* The same as a dated business case, invested on 2027-01-15 (day 167 is 2027-07-01). */
	crm_metrics met;
	crm_after_tax at = after_tax_of(
		"kind,name,value,timing,date\n"
		"setting,start_date,2027-01-15\nsetting,discounting,dated\n"
		"setting,horizon_years,1\nsetting,discount_rate,0.1\n"
		"setting,finance_rate,0.1\nsetting,reinvest_rate,0.1\n"
		"cost,Licence,1000,once,2027-01-15\ncost,Go-live,400,once,2027-07-01\n"
		"benefit,Orders,1500,once,2027-07-01\n", &met);
	assert_true(met.mirr_ok);
	assert_close(met.mirr, by_hand, REL, 0);
	crm_after_tax_free(&at);
	at = after_tax_of("kind,name,value,timing,date\n"
			  "setting,start_date,2027-01-15\nsetting,discounting,dated\n"
			  "setting,horizon_years,1\n"
			  "cost,A,0.7,once,2027-03-03\ncost,B,0.1,once,2027-03-09\n", &met);
	assert_false(met.mirr_ok);
	crm_after_tax_free(&at);
}

static void test_scenario_textbook(void **state)
{
	crm_metrics before;
	(void)state;
	crm_after_tax at = after_tax_of(
		"kind,name,value,timing,start,treatment,life,depreciation\n"
		"setting,horizon_years,5\nsetting,discount_rate,10%\nsetting,tax_rate,40%\n"
		"cost,Investment,5000,once,0,capitalise,5,\n"
		"benefit,Cash flow,1500,yearly\n", &before);
	assert_close(before.npv, 686.1801541126723832823143, REL, 0);
	assert_close(at.metrics.npv, -71.97719976901726782199428, REL, 0);
	assert_close(at.metrics.irr_value, 0.0943489074518600204892471, REL, 0);
	for (int y = 0; y < 5; y++)
		assert_close(at.cf->net[y + 1], 1300, REL, 0);
	crm_after_tax_free(&at);
	at = after_tax_of(
		"kind,name,value,timing,start,treatment,life,depreciation\n"
		"setting,horizon_years,5\nsetting,discount_rate,10%\nsetting,tax_rate,40%\n"
		"cost,Investment,5000,once,0,capitalise,5,syd\n"
		"benefit,Cash flow,1500,yearly\n", &before);
	assert_close(at.metrics.npv, 23.99239992300575594548932, REL, 0);
	crm_after_tax_free(&at);
}

/*
 * By hand: 8,000 capitalised at month 0, 4 years of double declining balance
 * to a salvage of 500: 4,000, 2,000, 1,000, 500. Profit before depreciation
 * (gains 1,000; 3,000; 6,000; 6,000 less 1,000 expensed a year): 0, 2,000,
 * 5,000, 5,000; taxable -4,000, 0, 4,000, 4,500. Losses carried forward: the
 * 4,000 of Year 1 is used up in Year 3, and Year 4 pays 25% of 4,500 = 1,125.
 * The salvage of 500 comes back at the end of Year 4. After-tax flows with no
 * lag: -8,000, 0, 2,000, 5,000, 5,000 - 1,125 + 500 = 4,375; NPV at 10% and
 * IRR from ../shared/oracle (mpmath). With a one-year lag the 1,125 falls
 * after the horizon: left out, and reported.
 */
static void test_scenario_losses_lag_salvage(void **state)
{
	static const char *text =
		"kind,name,value,timing,start,treatment,life,depreciation,salvage\n"
		"setting,horizon_years,4\nsetting,discount_rate,10%%\nsetting,tax_rate,25%%\n"
		"setting,tax_losses,carry_forward\nsetting,tax_lag_years,%d\n"
		"cost,Implementation,8000,once,0,capitalise,4,declining,500\n"
		"cost,Run,1000,yearly,,,,,\n"
		"benefit,Gains,1000;3000;6000;6000,yearly,,,,,\n";
	char buf[1024];
	crm_metrics before;
	(void)state;
	snprintf(buf, sizeof buf, text, 0);
	crm_after_tax at = after_tax_of(buf, &before);
	const double dep[4] = { 4000, 2000, 1000, 500 }, carried[4] = { 4000, 4000, 0, 0 };
	for (int y = 0; y < 4; y++) {
		assert_close(at.years[y].depreciation, dep[y], REL, 1e-9);
		assert_close(at.years[y].loss_carried, carried[y], REL, 1e-9);
	}
	assert_close(at.years[3].tax_paid, 1125, REL, 0);
	assert_close(at.salvage[3], 500, REL, 0);
	assert_close(at.metrics.npv, 397.6504337135441568198894, REL, 0);
	assert_close(at.metrics.irr_value, 0.1170442694999809653635107, REL, 0);
	crm_after_tax_free(&at);
	snprintf(buf, sizeof buf, text, 1);
	at = after_tax_of(buf, &before);
	assert_close(at.tax_beyond, 1125, REL, 0);
	assert_close(at.metrics.npv, 1166.040570999248685199098, REL, 0);
	crm_after_tax_free(&at);
}

/*
 * Under tax_losses=carry_forward a taxable profit below 1 is a profit, not a
 * loss. By hand: revenue 1,000.5 against a cost of 1,000 a year is a profit
 * of 0.5, taxed 25%: 0.125 a year, nothing carried; after tax 0.375 a year,
 * NPV at 10% over two years 0.375 x (1/1.1 + 1/1.21) = 0.7875 / 1.21 =
 * 0.65082644628099173553..., against 1.05 / 1.21 before tax. And a loss of
 * 0.25 then profits of 0.5: the loss is used in the second year (tax 25% x
 * 0.25 = 0.0625), the third pays 0.125.
 */
static void test_fractional_profit_carry_forward(void **state)
{
	crm_metrics before;
	crm_tax_year t[3];
	double beyond = -1;
	const double profit[3] = { -0.25, 0.5, 0.5 }, none[3] = { 0, 0, 0 };
	(void)state;
	crm_tax_compute(profit, none, 3, 0.25, 0, CRM_LOSSES_CARRY_FORWARD, t, &beyond);
	assert_close(t[0].tax, 0, 0, 0);
	assert_close(t[0].loss_carried, 0.25, 0, 0);
	assert_close(t[1].loss_used, 0.25, 0, 0);
	assert_close(t[1].loss_carried, 0, 0, 0);
	assert_close(t[1].tax, 0.0625, 0, 0);
	assert_close(t[2].loss_used, 0, 0, 0);
	assert_close(t[2].tax, 0.125, 0, 0);
	assert_close(beyond, 0, 0, 0);

	crm_after_tax at = after_tax_of(
		"kind,name,value,timing\n"
		"setting,horizon_years,2\nsetting,discount_rate,10%\nsetting,tax_rate,25%\n"
		"setting,tax_losses,carry_forward\n"
		"cost,Run,1000,yearly\nbenefit,Revenue,1000.5,yearly\n", &before);
	assert_close(before.npv, 1.05 / 1.21, 1e-9, 0);
	for (int y = 0; y < 2; y++) {
		assert_close(at.years[y].taxable, 0.5, 1e-12, 0);
		assert_close(at.years[y].tax, 0.125, 1e-12, 0);
		assert_close(at.years[y].loss_carried, 0, 0, 0);
		assert_close(at.cf->net[y + 1], 0.375, 1e-12, 0);
	}
	assert_close(at.metrics.npv, 0.65082644628099173553, 1e-9, 0);
	crm_after_tax_free(&at);
}

/* Every malformed tax column or setting is refused where it is written. */
static void test_scenario_tax_errors(void **state)
{
	static const struct { const char *row; int col; const char *msg; } bad[] = {
		{ "setting,tax_rate,40,,,,,,", 3, "would mean 4000%" },
		{ "setting,declining_factor,0,,,,,,", 3, "above 0 and at most 10" },
		{ "cost,X,100,once,,capitalise,0,,", 7, "out of range" },
		{ "cost,X,100,once,,capitalise,2.5,,", 7, "not a whole number" },
		{ "cost,X,100,once,,capitalise,,,", 7, "needs its life" },
		{ "cost,X,100,once,,capitalise,5,,150", 9, "above the cost" },
		{ "cost,X,100,yearly,,capitalise,5,,10", 9, "paid once" },
		{ "cost,X,100,once,,capitalize,5,fast,", 8, "not known" },
		{ "cost,X,100,once,,,5,,", 7, "for a capitalised cost" },
		{ "benefit,X,100,once,,capitalise,,,", 6, "no meaning" },
		{ "input,x,1,,,capitalise,,,", 6, "no meaning" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[512];
		crm_error err;
		snprintf(text, sizeof text, "kind,name,value,timing,start,treatment,life,depreciation,"
			 "salvage\n%s\n", bad[i].row);
		crm_error_clear(&err);
		assert_null(crm_scenario_parse(text, strlen(text), "t.csv", 0, &err));
		assert_int_equal(err.line, 2);
		assert_int_equal(err.col, bad[i].col);
		assert_contains(err.msg, bad[i].msg);
	}
}

/* Dates: refused where written; a dated line's month follows from its day. */
static void test_scenario_dates(void **state)
{
	static const struct { const char *rows; int line, col; const char *msg; } bad[] = {
		{ "setting,start_date,2008-01-01,,\ncost,X,100,yearly,,2008-05-01", 3, 6, "paid once" },
		{ "setting,start_date,2008-01-01,,\ncost,X,100,once,,2007-12-31", 3, 6, "before the investment date" },
		{ "setting,start_date,2008-01-01,,\ncost,X,100,once,,2008-02-30", 3, 6, "not a day" },
		{ "cost,X,100,once,,2008-05-01", 2, 6, "needs the setting start_date" },
		{ "setting,start_date,2008-01-01,,\ncost,X,100,once,3,2008-05-01", 3, 6, "not both" },
		{ "setting,start_date,2008-02-30,,", 2, 3, "not a month or a day" },
		{ "setting,discounting,dated,,", 2, 3, "needs the setting start_date" },
		{ "setting,start_date,3027-01,,", 2, 3, "in the years 1900 to 2999" },
		{ "setting,start_date,2008-01-01,,\ncost,X,100,once,,1899-12-31", 3, 6, "in the years 1900 to 2999" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[512];
		crm_error err;
		snprintf(text, sizeof text, "kind,name,value,timing,start,date\n%s\n", bad[i].rows);
		crm_error_clear(&err);
		assert_null(crm_scenario_parse(text, strlen(text), "t.csv", 0, &err));
		assert_int_equal(err.line, bad[i].line);
		assert_int_equal(err.col, bad[i].col);
		assert_contains(err.msg, bad[i].msg);
	}
	/*
	 * Investment on 2027-01-31: month 1 ends 2027-02-28 (EDATE), month 2 on
	 * 2027-03-31. A period's last day is the day before its end date (the rule
	 * of crmroi-scenario(5)): month 1 holds 2027-02-01 to 2027-02-27, month 2
	 * 2027-02-28 to 2027-03-30. So 2027-03-01 and 2027-02-28 fall in month 2,
	 * 2027-02-27 in month 1, the investment date in the Initial column.
	 */
	crm_scenario *sc = load_text("kind,name,value,timing,date\n"
				     "setting,start_date,2027-01-31\n"
				     "cost,A,1,once,2027-03-01\ncost,B,1,once,2027-02-28\n"
				     "cost,C,1,once,2027-01-31\ncost,D,1,once,2027-02-27\n");
	assert_int_equal(sc->lines[0].start, 2);
	assert_int_equal(sc->lines[1].start, 2);
	assert_int_equal(sc->lines[2].start, 0);
	assert_int_equal(sc->lines[3].start, 1);
	crm_scenario_free(sc);
	/*
	 * Year 1 of 2027-01-01 holds 2027-01-01 to 2027-12-31 (labelled 2027):
	 * a line dated 2028-01-01 is in Year 2; one dated 2027-12-31 in Year 1
	 * (month 12). A month-only start date is the 1st: 2027-04-01 with
	 * start_date 2027-03 is in month 2, the period labelled 2027-04.
	 */
	sc = load_text("kind,name,value,timing,date\n"
		       "setting,start_date,2027-01-01\n"
		       "cost,E,1,once,2028-01-01\ncost,F,1,once,2027-12-31\n");
	assert_int_equal(sc->lines[0].start, 13);
	assert_int_equal(sc->lines[1].start, 12);
	crm_scenario_free(sc);
	sc = load_text("kind,name,value,timing,date\n"
		       "setting,start_date,2027-03\n"
		       "cost,G,1,once,2027-04-01\n");
	assert_int_equal(sc->lines[0].start, 2);
	crm_scenario_free(sc);
}

/*
 * Simulated after-tax NPV: with a benefit B uniform on 1,200..1,800 a year in
 * the textbook case, the after-tax flow is B - 40% (B - 1,000) = 0.6 B + 400,
 * so NPV = -5,000 + (0.6 B + 400) a, a = the 5-year annuity factor at 10%
 * (3.790786769408448). Analytic: mean -71.977199769 (B at its mean 1,500, the
 * oracle's value), sd 0.6 a 600 / sqrt(12) = 393.9501... The mean is checked
 * within 4 standard errors, the sd within 1%.
 */
static void test_simulated_after_tax(void **state)
{
	crm_sim_options o;
	crm_sim_result res;
	crm_error err;
	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,value,low,high,dist,timing,start,treatment,life\n"
		"setting,horizon_years,5\nsetting,discount_rate,10%\nsetting,tax_rate,40%\n"
		"cost,Investment,5000,,,,once,0,capitalise,5\n"
		"benefit,Cash flow,1500,1200,1800,uniform,yearly,,,\n");
	memset(&o, 0, sizeof o);
	o.n = 200000;
	o.seed = 7;
	o.jobs = 2;
	o.metrics[CRM_SIM_NPV] = o.metrics[CRM_SIM_AFTER_TAX_NPV] = 1;
	o.hist_bins = 10;
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
	const crm_sim_metric *m = &res.metric[CRM_SIM_AFTER_TAX_NPV];
	double a = 3.790786769408448, sd = 0.6 * a * 600 / sqrt(12.0);
	assert_int_equal(m->defined, 200000);
	assert_close(m->mean, -71.97719976901726782, 0, 4 * sd / sqrt(200000.0));
	assert_close(m->sd, sd, 0.01, 0);
	/*
	 * P(NPV after tax < 0): NPV < 0 when 0.6 B + 400 < 5000 / a, B below
	 * 1,531.6456732895, so (1,531.6456732895 - 1,200) / 600 = 0.55274278881591
	 * (analytic), within 5 standard errors of a proportion.
	 */
	assert_close(res.p_after_tax_negative, 0.55274278881591, 0,
		     5 * sqrt(0.5527 * 0.4473 / 200000.0));
	crm_sim_result_free(&res);
	/* Without the after-tax metric, no such probability. */
	o.metrics[CRM_SIM_AFTER_TAX_NPV] = 0;
	o.n = 1000;
	assert_int_equal(crm_simulate(sc, &o, &res, &err), CRM_OK);
	assert_true(isnan(res.p_after_tax_negative));
	crm_sim_result_free(&res);
	crm_scenario_free(sc);
}

/*
 * The model without risk adjustment serves the short way (crm_model_summary)
 * with its own weights: NPV and payback agree with the full evaluation of the
 * same model, and differ from the risk-adjusted ones. By hand, unadjusted:
 * -1,000 at month 0, then 400 a year for 3 years: payback 2.5 years = 30
 * months; risk-adjusted (cost +10%, benefit -25%): -1,100 then 300 a year,
 * never paid back.
 */
static void test_unadjusted_summary(void **state)
{
	crm_error err;
	crm_summary sm;
	crm_metrics full;
	(void)state;
	crm_scenario *sc = load_text("kind,name,value,timing,risk\n"
				     "setting,horizon_years,3\n"
				     "cost,Set-up,1000,once,10%\nbenefit,Gain,400,yearly,25%\n");
	crm_model *m = crm_model_new_unadjusted(sc, &sc->settings, &err);
	crm_cashflow *cf = crm_cashflow_new(m);
	assert_non_null(cf);
	assert_int_equal(crm_model_summary(m, cf, 1, 1, &sm, &err), CRM_OK);
	assert_int_equal(crm_model_eval(m, cf, &err), CRM_OK);
	assert_int_equal(crm_metrics_compute(m, cf, &full, &err), CRM_OK);
	assert_true(sm.payback_reached);
	assert_close(sm.payback_months, 30, REL, 0);
	assert_close(full.payback.months, 30, REL, 0);
	assert_close(sm.npv, full.npv, REL, 1e-9);
	crm_cashflow_free(cf);
	crm_model_free(m);
	m = crm_model_new(sc, &err);
	cf = crm_cashflow_new(m);
	assert_int_equal(crm_model_summary(m, cf, 1, 0, &sm, &err), CRM_OK);
	assert_false(sm.payback_reached);
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_straight_line),
		cmocka_unit_test(test_syd),
		cmocka_unit_test(test_declining_switches_and_stops_at_salvage),
		cmocka_unit_test(test_textbook_after_tax),
		cmocka_unit_test(test_tax_lag_and_losses),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_date_parse_fields),
		cmocka_unit_test(test_xnpv_xirr_excel_example),
		cmocka_unit_test(test_xirr_several_and_double_roots),
		cmocka_unit_test(test_xirr_any_order_same_day_netted),
		cmocka_unit_test(test_xirr_fast),
		cmocka_unit_test(test_xirr_days),
		cmocka_unit_test(test_xmirr_net_flows),
		cmocka_unit_test(test_scenario_textbook),
		cmocka_unit_test(test_scenario_losses_lag_salvage),
		cmocka_unit_test(test_fractional_profit_carry_forward),
		cmocka_unit_test(test_scenario_tax_errors),
		cmocka_unit_test(test_scenario_dates),
		cmocka_unit_test(test_simulated_after_tax),
		cmocka_unit_test(test_unadjusted_summary),
	};
	crm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
