/*
 * test_metrics.c - NPV, IRR, MIRR and payback against independent values.
 *
 * Source of every expected value, unless a comment says otherwise:
 * ../shared/oracle/fin_oracle.py with the gnumeric and mpmath engines
 * (Gnumeric 1.12.55 spreadsheet functions, and 50-digit mpmath / exact
 * rationals), e.g.
 *   printf 'name,rate,values\ntei,0.1,-10000 10000 10000 10000\n' |
 *     ./fin_oracle.py --engines gnumeric,mpmath --table -
 * Where the two engines differ in the last digits, the mpmath value is used.
 * Payback from the oracle is in periods; here it is in months (x12 on a
 * yearly series).
 */
#include "testutil.h"

#include <stdlib.h>

/* Microsoft's documented examples (shared/oracle/examples/excel_doc_examples.csv). */
static void test_npv_excel_examples(void **state)
{
	(void)state;
	/* NPV(10%, -10000, 3000, 4200, 6800) = 1188.44 (spreadsheet form: every value discounted). */
	double a[] = { 0, -10000, 3000, 4200, 6800 };
	assert_close(crm_npv(a, 5, 1, 0.1), 1188.443412335223003893177, REL, 0);
	/* -40000 + NPV(8%, 8000 ... 14500) = 1922.06 */
	double b[] = { -40000, 8000, 9200, 10000, 12000, 14500 };
	assert_close(crm_npv(b, 6, 1, 0.08), 1922.061554932372200893072, REL, 0);
}

static void test_npv_many_digits(void **state)
{
	(void)state;
	double v[] = { -123456.789, 23456.781, 34567.892, 45678.903, 56789.014, -7890.125, 67890.236 };
	assert_close(crm_npv(v, 7, 1, 0.0837), 41322.93716159975060458747, REL, 0);
}

static void expect_single_irr(const double *v, size_t n, int ppy, double want)
{
	crm_irr irr;
	crm_error err;
	assert_int_equal(crm_irr_solve(v, n, ppy, &irr, &err), CRM_OK);
	assert_int_equal(irr.status, CRM_IRR_UNIQUE);
	assert_int_equal(irr.nroots, 1);
	assert_close(irr.roots[0], want, REL, 0);
}

static void test_irr_examples(void **state)
{
	(void)state;
	double x5[] = { -70000, 12000, 15000, 18000, 21000, 26000 };   /* Excel: 8.66% */
	expect_single_irr(x5, 6, 1, 0.0866309480365316142930942);
	double x4[] = { -70000, 12000, 15000, 18000, 21000 };          /* Excel: -2.1% */
	expect_single_irr(x4, 5, 1, -0.02124484827341099103105022);
	double x2[] = { -70000, 12000, 15000 };                        /* Excel: -44.4% */
	expect_single_irr(x2, 3, 1, -0.443506941334740539502586);
	double tei[] = { -10000, 10000, 10000, 10000 };
	expect_single_irr(tei, 4, 1, 0.8392867552141611325518526);
	double many[] = { -123456.789, 23456.781, 34567.892, 45678.903, 56789.014, -7890.125,
			  67890.236 };
	expect_single_irr(many, 7, 1, 0.1801184876652316699666047);
	/* numpy-financial's cases. */
	double n1[] = { -150000, 15000, 25000, 35000, 45000, 60000 };
	expect_single_irr(n1, 6, 1, 0.05243288885941410295743487);
	double n2[] = { -100, 0, 0, 74 };
	expect_single_irr(n2, 4, 1, -0.09549583034897251983839255);
}

static void test_irr_long_series(void **state)
{
	(void)state;
	/* numpy-financial issue 98: -10000 then 16 x 327.24625. */
	double v[17] = { -10000 };
	for (int i = 1; i <= 16; i++)
		v[i] = 327.24625;
	expect_single_irr(v, 17, 1, -0.06765411344968664902122967);
}

static void test_irr_monthly_is_annualised(void **state)
{
	(void)state;
	/* -5000, -1000, 35 x 200, 12 x 300 monthly: monthly IRR 2.346818526359406469559557%
	 * (oracle), annualised (1 + m)^12 - 1 = 32.0967597609826896343% (mpmath). */
	double v[49] = { -5000, -1000 };
	for (int i = 2; i < 37; i++)
		v[i] = 200;
	for (int i = 37; i < 49; i++)
		v[i] = 300;
	expect_single_irr(v, 49, 12, 0.320967597609826896343333520039);
}

static void test_irr_several_roots(void **state)
{
	(void)state;
	/* -1000, 3600, -4310, 1716 = -1000 (1 - 1.1x)(1 - 1.2x)(1 - 1.3x) in x = 1/(1+r):
	 * roots 10%, 20%, 30% (oracle: MULTIPLE:3, irr_roots 0.1;0.2;0.3). */
	double v[] = { -1000, 3600, -4310, 1716 };
	crm_irr irr;
	crm_error err;
	assert_int_equal(crm_irr_solve(v, 4, 1, &irr, &err), CRM_OK);
	assert_int_equal(irr.status, CRM_IRR_MULTIPLE);
	assert_int_equal(irr.nroots, 3);
	assert_close(irr.roots[0], 0.1, REL, 0);
	assert_close(irr.roots[1], 0.2, REL, 0);
	assert_close(irr.roots[2], 0.3, REL, 0);
}

static void test_irr_double_root(void **state)
{
	(void)state;
	/* -1, 2, -1 = -(1 - x)^2: NPV touches 0 at r = 0 without changing sign (oracle: 0.0). */
	double v[] = { -1, 2, -1 };
	crm_irr irr;
	crm_error err;
	assert_int_equal(crm_irr_solve(v, 3, 1, &irr, &err), CRM_OK);
	assert_int_equal(irr.nroots, 1);
	assert_close(irr.roots[0], 0.0, 0, 1e-6);
	/*
	 * -1000, 2200, -1210 = -1000 (1 - 1.1 x)^2 with x = 1/(1+r): NPV touches 0
	 * at exactly 10% (oracle, mpmath: irr_roots 0.1), to full precision.
	 */
	double w[] = { -1000, 2200, -1210 };
	assert_int_equal(crm_irr_solve(w, 3, 1, &irr, &err), CRM_OK);
	assert_int_equal(irr.status, CRM_IRR_UNIQUE);
	assert_close(irr.roots[0], 0.1, 1e-14, 0);
	/* The same touching root in a longer flow: -1000, 2200, -1210, 0, 0 (same polynomial). */
	double w2[] = { -1000, 2200, -1210, 0, 0 };
	assert_int_equal(crm_irr_solve(w2, 5, 1, &irr, &err), CRM_OK);
	assert_int_equal(irr.nroots, 1);
	assert_close(irr.roots[0], 0.1, 1e-14, 0);
}

static void test_irr_huge_amounts(void **state)
{
	(void)state;
	/*
	 * Amounts of 1e150 over 50 years: NPV at rates near -100% is far beyond
	 * 1e308 unless the search scales. IRR does not depend on the scale of the
	 * flows, so the oracle runs on the flows / 1e150 (mpmath: -1, 1 x 24, 0,
	 * 1 x 25 gives 0.9999999701976665100681547; -1, 0.3 x 49, -2 gives
	 * -0.1302604151677728771959863 and 0.2999980116227469043217731).
	 */
	double v[51], w[51];
	crm_irr irr;
	crm_error err;
	crm_error_clear(&err);
	v[0] = -1e150;
	w[0] = -1e150;
	for (int k = 1; k <= 50; k++) {
		v[k] = k == 25 ? 0 : 1e150;
		w[k] = k == 50 ? -2e150 : 3e149;
	}
	assert_int_equal(crm_irr_solve(v, 51, 1, &irr, &err), CRM_OK);
	assert_int_equal(irr.status, CRM_IRR_UNIQUE);
	assert_close(irr.roots[0], 0.9999999701976665100681547, REL, 0);
	assert_int_equal(crm_irr_solve(w, 51, 1, &irr, &err), CRM_OK);
	assert_int_equal(irr.nroots, 2);
	assert_close(irr.roots[0], -0.1302604151677728771959863, REL, 0);
	assert_close(irr.roots[1], 0.2999980116227469043217731, REL, 0);
}

static void test_irr_none(void **state)
{
	(void)state;
	crm_irr irr;
	crm_error err;
	double pos[] = { 100, 200, 300 }, neg[] = { -100, -200, -300 }, zero[] = { 0, 0, 0 };
	/* Oracle: #NUM! in Gnumeric, NONE in mpmath. */
	assert_int_equal(crm_irr_solve(pos, 3, 1, &irr, &err), CRM_OK);
	assert_int_equal(irr.status, CRM_IRR_NONE);
	assert_int_equal(crm_irr_solve(neg, 3, 1, &irr, &err), CRM_OK);
	assert_int_equal(irr.status, CRM_IRR_NONE);
	assert_int_equal(crm_irr_solve(zero, 3, 1, &irr, &err), CRM_OK);
	assert_int_equal(irr.status, CRM_IRR_NONE);
	/* Sign changes twice but NPV stays negative everywhere: -100, 50, -100
	 * (50x - 100x^2 - 100 < 0 for all x > 0). */
	double dip[] = { -100, 50, -100 };
	assert_int_equal(crm_irr_solve(dip, 3, 1, &irr, &err), CRM_OK);
	assert_int_equal(irr.status, CRM_IRR_NONE);
}

static void test_irr_all_roots(void **state)
{
	(void)state;
	crm_irr irr;
	crm_error err;
	/* numpy-financial's -5, 10.5, 1, -8, 1: it reports 0.0886; there are three roots
	 * (oracle mpmath irr_roots). */
	double v[] = { -5, 10.5, 1, -8, 1 };
	assert_int_equal(crm_irr_solve(v, 5, 1, &irr, &err), CRM_OK);
	assert_int_equal(irr.status, CRM_IRR_MULTIPLE);
	assert_int_equal(irr.nroots, 3);
	assert_close(irr.roots[0], -0.8702012474847411785277546, REL, 0);
	assert_close(irr.roots[1], 0.0885983385277553456703471, REL, 0);
	assert_close(irr.roots[2], 0.7095595276861835711479942, REL, 0);
	/* -100, 100, 0, -7: roots -67.89% and -8.33%. */
	double w[] = { -100, 100, 0, -7 };
	assert_int_equal(crm_irr_solve(w, 4, 1, &irr, &err), CRM_OK);
	assert_int_equal(irr.nroots, 2);
	assert_close(irr.roots[0], -0.6788943736323865177304519, REL, 0);
	assert_close(irr.roots[1], -0.08329966618493268648357149, REL, 0);
}

static void test_mirr(void **state)
{
	(void)state;
	double v[] = { -120000, 39000, 30000, 21000, 37000, 46000 };
	double out;
	/* Excel help: MIRR(..., 10%, 12%) = 12.6%; oracle 0.126094130365905... */
	assert_int_equal(crm_mirr(v, 6, 1, 0.10, 0.12, &out), 0);
	assert_close(out, 0.1260941303659051458284219, REL, 0);
	/* First three years: -4.8%. */
	assert_int_equal(crm_mirr(v, 4, 1, 0.10, 0.12, &out), 0);
	assert_close(out, -0.04804465524998082004069859, REL, 0);
	/* Reinvested at 14%: 13.5%. */
	assert_int_equal(crm_mirr(v, 6, 1, 0.10, 0.14, &out), 0);
	assert_close(out, 0.134759110828314846280479, REL, 0);
	double t[] = { -10000, 10000, 10000, 10000 };
	assert_int_equal(crm_mirr(t, 4, 1, 0.1, 0.1, &out), 0);
	assert_close(out, 0.4903078804645159180725848, REL, 0);
	double many[] = { -123456.789, 23456.781, 34567.892, 45678.903, 56789.014, -7890.125,
			  67890.236 };
	assert_int_equal(crm_mirr(many, 7, 1, 0.0612, 0.0945, &out), 0);
	assert_close(out, 0.1389308771707723451667689, REL, 0);
	/* Undefined without a negative flow (numpy-financial: nan). */
	double allpos[] = { 39000, 30000, 21000, 37000, 46000 };
	assert_int_equal(crm_mirr(allpos, 5, 1, 0.1, 0.12, &out), -1);
}

static void test_mirr_monthly(void **state)
{
	(void)state;
	/* Monthly flows with annual rates 8% / 12% (monthly 1.08^(1/12)-1, 1.12^(1/12)-1):
	 * oracle monthly MIRR 1.632821502967970231840746%, annualised 21.4528723101222892%. */
	double v[49] = { -5000, -1000 };
	double out;
	for (int i = 2; i < 37; i++)
		v[i] = 200;
	for (int i = 37; i < 49; i++)
		v[i] = 300;
	assert_int_equal(crm_mirr(v, 49, 12, 0.08, 0.12, &out), 0);
	assert_close(out, 0.214528723101222892174455031343, REL, 0);
	/* And NPV at 10% a year = oracle npv at the monthly rate 1.1^(1/12) - 1. */
	assert_close(crm_npv(v, 49, 12, 0.10), 2616.391529409678141712849, REL, 0);
}

static void test_payback(void **state)
{
	(void)state;
	crm_payback pb;
	double tei[] = { -10000, 10000, 10000, 10000 };      /* 1 period: 12 months */
	crm_payback_compute(tei, 4, 12, &pb);
	assert_int_equal(pb.status, CRM_PAYBACK_REACHED);
	assert_close(pb.months, 12.0, REL, 0);
	double truck[] = { -250000, 150000, 150000, 150000 }; /* 1.6667 periods: 20 months */
	crm_payback_compute(truck, 4, 12, &pb);
	assert_close(pb.months, 20.0, REL, 0);
	double exact[] = { -300, 100, 100, 100, 50 };         /* exactly 3 periods */
	crm_payback_compute(exact, 5, 12, &pb);
	assert_close(pb.months, 36.0, REL, 0);
	assert_int_equal(pb.lost_again, 0);
	double never[] = { -1000, 100, 100, 100 };
	crm_payback_compute(never, 4, 12, &pb);
	assert_int_equal(pb.status, CRM_PAYBACK_NEVER);
	double none_needed[] = { 100, 200, 300 };
	crm_payback_compute(none_needed, 3, 12, &pb);
	assert_int_equal(pb.status, CRM_PAYBACK_REACHED);
	assert_close(pb.months, 0.0, 0, 0);
	/* Nothing invested at month 0 and never negative: reached, at 0 (oracle: payback 0.0). */
	double nothing_first[] = { 0, 100, 200 };
	crm_payback_compute(nothing_first, 3, 12, &pb);
	assert_int_equal(pb.status, CRM_PAYBACK_REACHED);
	assert_close(pb.months, 0.0, 0, 0);
	assert_int_equal(pb.lost_again, 0);
}

static void test_payback_lost_again(void **state)
{
	(void)state;
	crm_payback pb;
	/* -100, 150, -100, 30, 90: oracle payback 0.6667 periods, payback_final 3.2222. */
	double v[] = { -100, 150, -100, 30, 90 };
	crm_payback_compute(v, 5, 12, &pb);
	assert_int_equal(pb.status, CRM_PAYBACK_REACHED);
	assert_close(pb.months, 12 * 3.222222222222222222222222, REL, 0);
	assert_int_equal(pb.lost_again, 1);
	assert_close(pb.first_months, 12 * 0.6666666666666666666666667, REL, 0);
}

static void test_payback_lost_for_good(void **state)
{
	(void)state;
	crm_payback pb;
	/*
	 * -100000, 150000, 0, -200000: the cumulative is 50,000 after year 1 and
	 * -150,000 at the end. Oracle: payback (first crossing) 0.6667 periods,
	 * payback_final NONE; discounted at 10% dpayback 0.7333, dpayback_final NONE.
	 */
	double v[] = { -100000, 150000, 0, -200000 }, d[4];
	crm_payback_compute(v, 4, 12, &pb);
	assert_int_equal(pb.status, CRM_PAYBACK_NEVER);
	assert_int_equal(pb.lost_again, 1);
	assert_close(pb.first_months, 12 * 0.6666666666666666666666667, REL, 0);
	for (int i = 0; i < 4; i++)
		d[i] = v[i] * pow(1.1, -i);
	crm_payback_compute(d, 4, 12, &pb);
	assert_int_equal(pb.status, CRM_PAYBACK_NEVER);
	assert_close(pb.first_months, 12 * 0.7333333333333333333333333, REL, 0);
	/*
	 * -1000, 2200, -1210 discounted at 10% is -1000, 2000, -1000: the cumulative
	 * is exactly 0 at the end, which counts as reached (oracle: dpayback_final
	 * 0.5 periods); undiscounted it ends at -10 (oracle: payback_final NONE).
	 */
	double e[] = { -1000, 2200, -1210 }, ed[3];
	crm_payback_compute(e, 3, 12, &pb);
	assert_int_equal(pb.status, CRM_PAYBACK_NEVER);
	for (int i = 0; i < 3; i++)
		ed[i] = e[i] * pow(1.1, -i);
	crm_payback_compute(ed, 3, 12, &pb);
	assert_int_equal(pb.status, CRM_PAYBACK_REACHED);
	assert_close(pb.months, 12 * 0.5, REL, 0);
}

static void test_payback_rounding(void **state)
{
	(void)state;
	crm_payback pb;
	/* 0.1 + 0.2 - 0.3 leaves about 5.6e-17 of rounding: lands on 0 at period 3. */
	double v[] = { -0.3, 0.1, 0.2, 0.0 };
	crm_payback_compute(v, 4, 12, &pb);
	assert_int_equal(pb.status, CRM_PAYBACK_REACHED);
	assert_close(pb.months, 24.0, REL, 0);
	double w[] = { -0.6, 0.1, 0.2, 0.3 };   /* cumulative -1.1e-16 after 3 periods */
	crm_payback_compute(w, 4, 1, &pb);
	assert_int_equal(pb.status, CRM_PAYBACK_REACHED);
	assert_close(pb.months, 3.0, REL, 0);
}

static void test_payback_monthly_discounted(void **state)
{
	(void)state;
	/* Oracle: payback 31 periods, discounted payback 35.68864611577462710922568 periods
	 * at the monthly rate 1.1^(1/12) - 1. */
	double v[49] = { -5000, -1000 }, d[49];
	crm_payback pb;
	for (int i = 2; i < 37; i++)
		v[i] = 200;
	for (int i = 37; i < 49; i++)
		v[i] = 300;
	crm_payback_compute(v, 49, 1, &pb);
	assert_close(pb.months, 31.0, REL, 0);
	for (int i = 0; i < 49; i++)
		d[i] = v[i] * pow(1.1, -i / 12.0);
	crm_payback_compute(d, 49, 1, &pb);
	assert_close(pb.months, 35.68864611577462710922568, REL, 0);
}

/*
 * IRR the short way (crm_irr_fast), against fin_oracle.py (mpmath, 25
 * digits): -100 39 59 55 20 yearly: 0.280948421159961104576562; -1000 then
 * 30 for 48 months: 0.01599092374339507546332192 a month, so
 * 1.01599092374339507546332192^12 - 1 = 0.209700719205365292648321507872 a
 * year (mpmath). The result must not depend on the starting guess or on the
 * powers given for it. Flows that never change sign have no IRR (0); two sign
 * changes, or a root beyond 1000 (100000%), are left to crm_irr_solve (-1).
 */
static void test_irr_fast(void **state)
{
	(void)state;
	double yearly[] = { -100, 39, 59, 55, 20 }, monthly[49], pw[49], scratch[49], r, r2;
	monthly[0] = -1000;
	for (int k = 1; k <= 48; k++)
		monthly[k] = 30;
	static const double guesses[] = { -0.5, 0, 0.1, 0.28, 3, 900 };
	for (size_t g = 0; g < sizeof guesses / sizeof *guesses; g++) {
		assert_int_equal(crm_irr_fast(yearly, 5, 1, guesses[g], NULL, scratch, &r), 1);
		assert_close(r, 0.280948421159961104576562, 1e-13, 0);
		crm_irr_powers(49, 12, guesses[g], pw);
		assert_int_equal(crm_irr_fast(monthly, 49, 12, guesses[g], pw, scratch, &r), 1);
		assert_close(r, 0.209700719205365292648321507872, 1e-13, 0);
		assert_int_equal(crm_irr_fast(monthly, 49, 12, guesses[g], NULL, scratch, &r2), 1);
		assert_memory_equal(&r, &r2, sizeof r);
	}
	double none[] = { 100, 20, 0, 30 }, two[] = { -100, 230, -132 }, huge[] = { -1, 0, 1e12 };
	assert_int_equal(crm_irr_fast(none, 4, 1, 0.1, NULL, scratch, &r), 0);
	assert_int_equal(crm_irr_fast(two, 3, 1, 0.1, NULL, scratch, &r), -1);
	assert_int_equal(crm_irr_fast(huge, 3, 1, 0.1, NULL, scratch, &r), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_npv_excel_examples),
		cmocka_unit_test(test_npv_many_digits),
		cmocka_unit_test(test_irr_examples),
		cmocka_unit_test(test_irr_long_series),
		cmocka_unit_test(test_irr_monthly_is_annualised),
		cmocka_unit_test(test_irr_several_roots),
		cmocka_unit_test(test_irr_double_root),
		cmocka_unit_test(test_irr_huge_amounts),
		cmocka_unit_test(test_irr_none),
		cmocka_unit_test(test_irr_all_roots),
		cmocka_unit_test(test_mirr),
		cmocka_unit_test(test_mirr_monthly),
		cmocka_unit_test(test_payback),
		cmocka_unit_test(test_payback_lost_again),
		cmocka_unit_test(test_payback_lost_for_good),
		cmocka_unit_test(test_payback_rounding),
		cmocka_unit_test(test_payback_monthly_discounted),
		cmocka_unit_test(test_irr_fast),
	};
	crm_init();
	return cmocka_run_group_tests_name("metrics", tests, NULL, NULL);
}
