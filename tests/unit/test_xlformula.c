/*
 * test_xlformula.c - crmroi formulas written as Excel formulas, and input
 * names as Excel defined names.
 *
 * Expected texts are written by hand from the two grammars: crmroi's in
 * crmroi-scenario(5) (unary minus below ^, ^ right-associative) and Excel's
 * as Microsoft documents it ("Operator precedence in Excel formulas":
 * negation before ^, operators of equal precedence from left to right; so
 * -2^2 = 4 and 2^3^2 = 64 in Excel). Microsoft's limits: 8192 characters in
 * a formula, 64 levels of nested functions. Comparisons are Excel's, the
 * lowest of its operators, and give TRUE or FALSE, which Excel compares as
 * greater than any number; crmroi's give 1 or 0, so a comparison's result
 * used as a number (compared, in MIN, MAX, ABS or ROUND, a branch of IF, the
 * cell's value) is written IF(x,1,0). The numbers these
 * formulas give in a real spreadsheet engine are checked by
 * tests/workbook/recompute.py, which recomputes tests/workbook/data/operators.csv
 * with Gnumeric.
 */
#include "testutil.h"

#include <stdlib.h>

#include "xlformula.h"

/* Inputs a, b, d, fte2, sum and c, as indices 0..5 (c is an R1C1 reference). */
static const char *const names[] = { "a", "b", "d", "fte2", "sum", "c" };
#define NNAMES 6

static int lookup(void *ctx, const char *name, size_t len)
{
	(void)ctx;
	for (int i = 0; i < NNAMES; i++)
		if (strlen(names[i]) == len && !strncmp(names[i], name, len))
			return i;
	return -1;
}

/* The cell being written: a period p, with inputs named and period rows 1 and 2. */
struct cellctx {
	int p;
};

static int ref_input(void *vctx, int i, int prev, char *buf, size_t len)
{
	struct cellctx *c = vctx;
	if (!prev)
		return xlf_name(names[i], buf, len);
	/* Period q is column 'A' + q, input i row 10 + i; prev(x) is 0 in the first period. */
	if (c->p <= 1)
		snprintf(buf, len, "0");
	else
		snprintf(buf, len, "%c%d", 'A' + c->p - 1, 10 + i);
	return 0;
}

static int ref_period(void *vctx, int which, char *buf, size_t len)
{
	struct cellctx *c = vctx;
	snprintf(buf, len, "%c$%d", 'A' + c->p, which ? 2 : 1);
	return 0;
}

static int ref_series(void *vctx, char *buf, size_t len)
{
	(void)vctx;
	snprintf(buf, len, "SERIESCELL");
	return 0;
}

static char *translate_at(const char *src, int p, int with_series, char *why, size_t whylen)
{
	crm_error err;
	crm_error_clear(&err);
	crm_expr *e = crm_expr_compile(src, lookup, NULL, &err);
	if (!e) {
		print_error("compile '%s': %s\n", src, err.msg);
		fail();
	}
	struct cellctx c = { p };
	xlf_refs refs = { ref_input, ref_period, with_series ? ref_series : NULL, &c };
	char *out = xlf_translate(e, &refs, why, whylen);
	crm_expr_free(e);
	return out;
}

/* A line's start, end or ramp: the formula rounded to a whole month. */
static char *translate_month(const char *src, char *why, size_t whylen)
{
	crm_error err;
	crm_error_clear(&err);
	crm_expr *e = crm_expr_compile(src, lookup, NULL, &err);
	if (!e) {
		print_error("compile '%s': %s\n", src, err.msg);
		fail();
	}
	struct cellctx c = { 1 };
	xlf_refs refs = { ref_input, ref_period, NULL, &c };
	char *out = xlf_translate_month(e, &refs, why, whylen);
	crm_expr_free(e);
	return out;
}

static void expect_at(const char *src, int p, const char *want)
{
	char why[300] = "";
	char *got = translate_at(src, p, 0, why, sizeof why);
	if (!got) {
		print_error("'%s': not translated: %s\n", src, why);
		fail();
	}
	if (strcmp(got, want) != 0) {
		print_error("'%s' -> '%s', expected '%s'\n", src, got, want);
		free(got);
		fail();
	}
	free(got);
}

static void expect(const char *src, const char *want)
{
	expect_at(src, 2, want);
}

static void expect_refused(const char *src, const char *why_part)
{
	char why[300] = "";
	char *got = translate_at(src, 2, 0, why, sizeof why);
	if (got) {
		print_error("'%.60s...' was translated to '%.60s...'; expected a refusal\n", src, got);
		free(got);
		fail();
	}
	assert_contains(why, why_part);
}

static void test_arithmetic(void **state)
{
	(void)state;
	expect("a+b", "=a+b");
	expect("a - b", "=a-b");
	expect("a*b", "=a*b");
	expect("a/b", "=a/b");
	expect("a^b", "=a^b");
	/* Left-associative chains need no parentheses... */
	expect("a-b-d", "=a-b-d");
	expect("a/b/d", "=a/b/d");
	expect("a-b+d", "=a-b+d");
	/* ...but a grouped right operand keeps its parentheses (the same rounding order). */
	expect("a-(b-d)", "=a-(b-d)");
	expect("a-(b+d)", "=a-(b+d)");
	expect("a+(b+d)", "=a+(b+d)");
	expect("a/(b*d)", "=a/(b*d)");
	expect("a*(b/d)", "=a*(b/d)");
	expect("a*b+d", "=a*b+d");
	expect("a+b*d", "=a+b*d");
	expect("(a+b)*d", "=(a+b)*d");
	expect("a*(b+d)", "=a*(b+d)");
	expect("((a))", "=a");
	expect("(a*b)+(d)", "=a*b+d");
}

static void test_precedence_of_minus_and_power(void **state)
{
	(void)state;
	/* crmroi: -2^2 = -(2^2) = -4; Excel would read -2^2 as (-2)^2 = 4. */
	expect("-2^2", "=-(2^2)");
	expect("-a^2", "=-(a^2)");
	expect("(-2)^2", "=(-2)^2");
	/* crmroi's ^ is right-associative: 2^3^2 = 2^9 = 512; Excel's groups left (64). */
	expect("2^3^2", "=2^(3^2)");
	expect("(2^3)^2", "=(2^3)^2");
	expect("a^b^d", "=a^(b^d)");
	expect("2^-a", "=2^(-a)");
	expect("2^-3^2", "=2^(-(3^2))");
	expect("(a+b)^2", "=(a+b)^2");
	expect("a^(b*d)", "=a^(b*d)");
	expect("-a", "=-a");
	expect("--a", "=-(-a)");
	expect("+a", "=a");
	expect("-(a+b)", "=-(a+b)");
	expect("-a*b", "=-a*b");
	expect("a*-b", "=a*(-b)");
	expect("a--b", "=a-(-b)");
	expect("a^2*b", "=a^2*b");
	expect("-a^2*b", "=-(a^2)*b");
}

static void test_functions(void **state)
{
	(void)state;
	expect("min(a, b)", "=MIN(a,b)");
	expect("min(a, b, d, 4)", "=MIN(a,b,d,4)");
	expect("max(a)", "=MAX(a)");
	expect("max(a, b*2, -d)", "=MAX(a,b*2,-d)");
	expect("abs(a - b)", "=ABS(a-b)");
	expect("round(a / 3, 2)", "=ROUND(a/3,2)");
	expect("round(a, -3)", "=ROUND(a,-3)");
	expect("min(max(a, 0), 1)", "=MIN(MAX(a,0),1)");
	expect("-abs(a)^2", "=-(ABS(a)^2)");
	expect("abs(a)^2", "=ABS(a)^2");
}

static void test_conditions(void **state)
{
	(void)state;
	/* Every comparison; the cell's value is a number, 1 or 0. */
	expect("a = b", "=IF(a=b,1,0)");
	expect("a <> b", "=IF(a<>b,1,0)");
	expect("a < b", "=IF(a<b,1,0)");
	expect("a <= b", "=IF(a<=b,1,0)");
	expect("a > b", "=IF(a>b,1,0)");
	expect("a >= b", "=IF(a>=b,1,0)");
	/* Comparisons bind less tightly than arithmetic, in both languages. */
	expect("a + 1 > b * 2", "=IF(a+1>b*2,1,0)");
	expect("a > -b", "=IF(a>-b,1,0)");
	expect("-a^2 > 0", "=IF(-(a^2)>0,1,0)");
	/* Arithmetic reads TRUE as 1: no conversion there. */
	expect("(a > b) * 3", "=(a>b)*3");
	expect("-(a > b)", "=-(a>b)");
	expect("(a > b) ^ 2", "=(a>b)^2");
	expect("not(a) + 1", "=NOT(a)+1");
	/* Where Excel would not read TRUE as 1, it is made one. */
	expect("(a < b) < d", "=IF(IF(a<b,1,0)<d,1,0)");
	expect("(a < b) = (b < d)", "=IF(IF(a<b,1,0)=IF(b<d,1,0),1,0)");
	expect("min(a > b, 2)", "=MIN(IF(a>b,1,0),2)");
	expect("max(a, not(b))", "=MAX(a,IF(NOT(b),1,0))");
	expect("abs(a = b)", "=ABS(IF(a=b,1,0))");
	expect("round(a > b, 0)", "=ROUND(IF(a>b,1,0),0)");
	expect("if(a, b > 1, d)", "=IF(a,IF(b>1,1,0),d)");
	/* The condition of IF and the arguments of AND, OR and NOT stay logical. */
	expect("if(a > b, 1, 2)", "=IF(a>b,1,2)");
	expect("IF(a, b, d)", "=IF(a,b,d)");
	expect("if(and(a > 1, not(b)), a, or(b, d))", "=IF(AND(a>1,NOT(b)),a,IF(OR(b,d),1,0))");
	expect("and(a, b, d)", "=IF(AND(a,b,d),1,0)");
	expect("or(a > 1)", "=IF(OR(a>1),1,0)");
	expect("not(a = 1)", "=IF(NOT(a=1),1,0)");
	expect("if(a < 2, 1, if(a < 3, 2, 3))", "=IF(a<2,1,IF(a<3,2,3))");
	expect_at("IF(year > 1, 1.03, 1)", 2, "=IF(C$1>1,1.03,1)");
	expect_at("if(prev(b) = 0, 100, prev(b))", 3, "=IF(C11=0,100,C11)");
	expect("if(b = 0, 1 / 0, a / b)", "=IF(b=0,1/0,a/b)");
}

static void test_prev_and_period_variables(void **state)
{
	(void)state;
	/* prev(b) is the previous period's cell of b; 0 in the first period. */
	expect_at("prev(b) * 1.1", 3, "=C11*1.1");
	expect_at("prev(b) * 1.1", 1, "=0*1.1");
	expect_at("a + prev(a)", 2, "=a+B10");
	expect_at("year", 3, "=D$1");
	expect_at("month * 2", 4, "=E$2*2");
	expect_at("a * (1 + 5%)^(year - 1)", 2, "=a*(1+0.05)^(C$1-1)");
}

static void test_numbers(void **state)
{
	(void)state;
	expect("12.5%", "=0.125");
	expect("1e20", "=1E+20");
	expect("2.385e-7", "=2.385E-07");
	expect("0.1", "=0.1");
	expect("-3e4", "=-30000");
	expect("1250.75", "=1250.75");
	/* Every text reads back as exactly the number (shortest of 15 to 17 digits). */
	const double v[] = { 1.0 / 3, 2.0 / 3, 0.1 + 0.2, 1e-300, 6.02214076e23, 123456789.123456789,
			     -0.0042, 5e-324 };
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		char buf[64];
		xlf_number(v[i], buf, sizeof buf);
		assert_close(strtod(buf, NULL), v[i], 0, 0);
	}
}

static void test_names_in_formulas(void **state)
{
	(void)state;
	expect("fte2 * 2", "=fte2_*2");
	expect("sum + a", "=sum_+a");
	expect("c * prev(c)", "=c_*B15");
}

static void test_name_clashes(void **state)
{
	(void)state;
	char buf[300];
	/* Cell references in A1 style, at the first and the last cell of a sheet. */
	assert_true(xlf_name_clashes("fte2"));
	assert_true(xlf_name_clashes("a1"));
	assert_true(xlf_name_clashes("A1"));
	assert_true(xlf_name_clashes("xfd1048576"));
	assert_true(xlf_name_clashes("XFD1048576"));
	assert_true(xlf_name_clashes("abc123"));
	/* R1C1 style. */
	assert_true(xlf_name_clashes("r"));
	assert_true(xlf_name_clashes("C"));
	assert_true(xlf_name_clashes("rc"));
	assert_true(xlf_name_clashes("r1c1"));
	assert_true(xlf_name_clashes("R12"));
	assert_true(xlf_name_clashes("c7"));
	/* Function names and the logical constants, in any case. */
	assert_true(xlf_name_clashes("sum"));
	assert_true(xlf_name_clashes("npv"));
	assert_true(xlf_name_clashes("IRR"));
	assert_true(xlf_name_clashes("Rate"));
	assert_true(xlf_name_clashes("pv"));
	assert_true(xlf_name_clashes("if"));
	assert_true(xlf_name_clashes("true"));
	assert_true(xlf_name_clashes("False"));
	assert_true(xlf_name_clashes("xlookup"));
	/* Ordinary names. */
	assert_false(xlf_name_clashes("leads"));
	assert_false(xlf_name_clashes("win_rate_uplift"));
	assert_false(xlf_name_clashes("fte_2"));
	assert_false(xlf_name_clashes("leads2027a"));
	assert_false(xlf_name_clashes("abcd1"));
	assert_false(xlf_name_clashes("_a1"));
	assert_false(xlf_name_clashes("sums"));
	assert_false(xlf_name_clashes("rate_of_return"));
	assert_false(xlf_name_clashes("rcx"));

	assert_int_equal(xlf_name("fte2", buf, sizeof buf), 0);
	assert_string_equal(buf, "fte2_");
	assert_int_equal(xlf_name("npv", buf, sizeof buf), 0);
	assert_string_equal(buf, "npv_");
	assert_int_equal(xlf_name("leads", buf, sizeof buf), 0);
	assert_string_equal(buf, "leads");
	/* Too long for the buffer, or for Excel. */
	assert_int_equal(xlf_name("fte2", buf, 5), -1);
	char longname[300];
	memset(longname, 'x', 256);
	longname[256] = '\0';
	assert_int_equal(xlf_name(longname, buf, sizeof buf), -1);
	longname[255] = '\0';
	assert_int_equal(xlf_name(longname, buf, sizeof buf), 0);
}

static void test_series(void **state)
{
	(void)state;
	char why[300] = "";
	char *got = translate_at("100;120;150", 2, 0, why, sizeof why);
	assert_null(got);
	assert_contains(why, "per period");
	got = translate_at("100;120;150", 2, 1, why, sizeof why);
	assert_non_null(got);
	assert_string_equal(got, "=SERIESCELL");
	free(got);
}

static void test_limits(void **state)
{
	(void)state;
	/*
	 * 64 nested functions, Excel's limit, are allowed. (crmroi itself refuses
	 * more than 64 levels of nesting; only the IF(x,1,0) that makes a logical
	 * value a number can take a formula past Excel's limit.)
	 */
	char src[20000];
	size_t n = 0;
	for (int i = 0; i < 64; i++)
		n += (size_t)snprintf(src + n, sizeof src - n, "abs(");
	src[n++] = 'a';
	for (int i = 0; i < 64; i++)
		src[n++] = ')';
	src[n] = '\0';
	char why[300] = "";
	char *got = translate_at(src, 2, 0, why, sizeof why);
	assert_non_null(got);
	assert_int_equal(strncmp(got, "=ABS(ABS(", 9), 0);
	free(got);
	/* 64 NOT()s are a logical value: the IF around them is the 65th function. */
	n = 0;
	for (int i = 0; i < 64; i++)
		n += (size_t)snprintf(src + n, sizeof src - n, "not(");
	src[n++] = 'a';
	for (int i = 0; i < 64; i++)
		src[n++] = ')';
	src[n] = '\0';
	expect_refused(src, "functions nested 65 deep; Excel allows 64");
	/* Longer than 8192 characters. */
	n = 0;
	for (int i = 0; i < 3000; i++)
		n += (size_t)snprintf(src + n, sizeof src - n, "%sa*b", i ? "+" : "");
	expect_refused(src, "8192");
}

static void test_months(void **state)
{
	(void)state;
	char why[300] = "", src[20000];
	const struct { const char *src, *want; } cases[] = {
		/* ROUND(x, 0) rounds halves away from zero, as crmroi rounds a month. */
		{ "a", "=ROUND(a,0)" },
		{ "a + 3", "=ROUND(a+3,0)" },
		{ "b * 1.5", "=ROUND(b*1.5,0)" },
		{ "-a + 12", "=ROUND(-a+12,0)" },
		{ "fte2 / 2", "=ROUND(fte2_/2,0)" },
		{ "max(a, 2) - 1", "=ROUND(MAX(a,2)-1,0)" },
		{ "2^3^2", "=ROUND(2^(3^2),0)" },
		{ "if(a > 6, a + 1, a)", "=ROUND(IF(a>6,a+1,a),0)" },
		{ "b + (a > 6)", "=ROUND(b+(a>6),0)" },
		{ "a > 6", "=ROUND(IF(a>6,1,0),0)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = translate_month(cases[i].src, why, sizeof why);
		if (!got || strcmp(got, cases[i].want) != 0) {
			print_error("month '%s' -> '%s', expected '%s' (%s)\n", cases[i].src,
				    got ? got : "(none)", cases[i].want, why);
			free(got);
			fail();
		}
		free(got);
	}
	/* The rounding is one more nested function: 64 inside are one too many. */
	size_t n = 0;
	for (int i = 0; i < 64; i++)
		n += (size_t)snprintf(src + n, sizeof src - n, "abs(");
	src[n++] = 'a';
	for (int i = 0; i < 64; i++)
		src[n++] = ')';
	src[n] = '\0';
	assert_null(translate_month(src, why, sizeof why));
	assert_contains(why, "nested 65 deep");
	/* 8190 characters fit a formula, not with ROUND(...,0) around them. */
	n = 0;
	for (int i = 0; n + 4 < 8188; i++)
		n += (size_t)snprintf(src + n, sizeof src - n, "%sa*b", i ? "+" : "");
	char *plain = translate_at(src, 2, 0, why, sizeof why);
	assert_non_null(plain);
	free(plain);
	assert_null(translate_month(src, why, sizeof why));
	assert_contains(why, "rounded to a month");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arithmetic),
		cmocka_unit_test(test_precedence_of_minus_and_power),
		cmocka_unit_test(test_functions),
		cmocka_unit_test(test_conditions),
		cmocka_unit_test(test_prev_and_period_variables),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_names_in_formulas),
		cmocka_unit_test(test_name_clashes),
		cmocka_unit_test(test_series),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_months),
	};
	crm_init();
	return cmocka_run_group_tests_name("xlformula", tests, NULL, NULL);
}
