/*
 * test_expr.c - strict numbers, series and formulas.
 *
 * Expected values are worked by hand from the definitions in
 * crmroi-scenario(5); round() follows the spreadsheet ROUND function, whose
 * documented results (ROUND(2.15, 1) = 2.2, ROUND(-1.475, 2) = -1.48,
 * ROUND(21.5, -1) = 20) are from Microsoft's ROUND help page. Conditions
 * follow a spreadsheet's IF, AND, OR and NOT (Microsoft's help pages: any
 * number but 0 is TRUE; an error in an argument is the result), with TRUE
 * as 1 and FALSE as 0.
 */
#include "testutil.h"

#include <stdlib.h>

static void test_numbers(void **state)
{
	(void)state;
	double v;
	int pct;
	assert_int_equal(crm_parse_number("1250.5", &v, &pct, NULL, 0), CRM_OK);
	assert_close(v, 1250.5, 0, 0);
	assert_int_equal(pct, 0);
	assert_int_equal(crm_parse_number(" -12.5% ", &v, &pct, NULL, 0), CRM_OK);
	assert_close(v, -0.125, 1e-15, 0);
	assert_int_equal(pct, 1);
	assert_int_equal(crm_parse_number("+3e6", &v, NULL, NULL, 0), CRM_OK);
	assert_close(v, 3e6, 0, 0);
	assert_int_equal(crm_parse_number(".5", &v, NULL, NULL, 0), CRM_OK);
	assert_close(v, 0.5, 0, 0);
	assert_int_equal(crm_parse_number("2.385E-2", &v, NULL, NULL, 0), CRM_OK);
	assert_close(v, 0.02385, 1e-15, 0);
}

static void expect_bad(const char *text, const char *hint)
{
	double v;
	char why[512];
	assert_int_equal(crm_parse_number(text, &v, NULL, why, sizeof why), CRM_EDATA);
	assert_contains(why, hint);
}

static void test_bad_numbers(void **state)
{
	(void)state;
	expect_bad("1,234,567", "thousands separators");
	expect_bad("1,234.5", "thousands separators");
	expect_bad("12,5", "decimal point, not a comma");
	expect_bad("12,5%", "decimal point, not a comma");
	expect_bad("$100", "currency sign");
	expect_bad("\xE2\x82\xAC" "100", "currency sign");
	expect_bad("100 000", "spaces between digits");
	expect_bad("abc", "is not a number");
	expect_bad("", "empty value");
	expect_bad("inf", "is not a number");
	expect_bad("nan", "is not a number");
	expect_bad("0x10", "is not a number");
	expect_bad("1e999", "out of the range");
	expect_bad("5%%", "is not a number");
	expect_bad("1.234.567", "thousands separators");
	/* A space before the %: the number as it should be written, with its sign. */
	expect_bad("15 %", "'15 %' is not a number: write 15% (no space between a number and its %)");
	expect_bad(" -2.5\t %", "write -2.5% (no space");
	expect_bad("15 % 3", "spaces between digits");
	expect_bad("15 5 %", "spaces between digits");
}

/* Inputs a, b, c for formulas. */
static int lookup(void *ctx, const char *name, size_t len)
{
	(void)ctx;
	if (len == 1 && name[0] >= 'a' && name[0] <= 'c')
		return name[0] - 'a';
	return -1;
}

static double eval_at(const char *src, int year, int month)
{
	static const double cur[] = { 2.5, 4.0, -3.0 }, prev[] = { 1.0, 2.0, 3.0 };
	crm_error err;
	crm_error_clear(&err);
	crm_expr *e = crm_expr_compile(src, lookup, NULL, &err);
	if (!e) {
		print_error("compile '%s': %s\n", src, err.msg);
		fail();
	}
	crm_expr_env env = { cur, prev, year, month };
	double v = crm_expr_eval(e, &env);
	crm_expr_free(e);
	return v;
}

static double eval(const char *src)
{
	return eval_at(src, 2, 14);
}

/*
 * A percent is the double nearest the decimal value / 100, as a spreadsheet
 * reads it: the reference is the C library's correctly rounded strtod of the
 * decimal written out ("0.007"), compared bit for bit (0.7 / 100 is
 * 0.006999999999999999, one unit in the last place below).
 */
static void test_percent_is_the_nearest_double(void **state)
{
	static const char *const pct[] = { "0.7%", "1.1%", "0.3%", "7%", "12.5%", "0.07%", "33.3%",
					   "2.385%", "1e1%", "100%" };
	static const char *const dec[] = { "0.007", "0.011", "0.003", "0.07", "0.125", "0.0007",
					   "0.333", "0.02385", "0.1", "1" };
	(void)state;
	for (size_t k = 0; k < sizeof pct / sizeof *pct; k++) {
		double v, want = strtod(dec[k], NULL);
		assert_int_equal(crm_parse_number(pct[k], &v, NULL, NULL, 0), CRM_OK);
		if (v != want) {
			print_error("%s read as %.17g, expected %.17g\n", pct[k], v, want);
			fail();
		}
		assert_true(eval(pct[k]) == want);
	}
	assert_true(strtod("0.7", NULL) / 100 != strtod("0.007", NULL));  /* the case above is not vacuous */
	double v;
	assert_int_equal(crm_parse_number("-0.7%", &v, NULL, NULL, 0), CRM_OK);
	assert_true(v == -strtod("0.007", NULL));
}

static void test_formulas(void **state)
{
	(void)state;
	assert_close(eval("a * b + c"), 7.0, 1e-15, 0);
	assert_close(eval("a * (b + c)"), 2.5, 1e-15, 0);
	assert_close(eval("b / a - 1"), 0.6, 1e-15, 0);
	assert_close(eval("2 ^ 3 ^ 2"), 512.0, 1e-15, 0);       /* right-associative */
	assert_close(eval("-2 ^ 2"), -4.0, 1e-15, 0);           /* -(2^2), unlike a spreadsheet */
	assert_close(eval("2 ^ -1"), 0.5, 1e-15, 0);
	assert_close(eval("--a"), 2.5, 1e-15, 0);
	assert_close(eval("a * 10%"), 0.25, 1e-15, 0);
	assert_close(eval("min(a, b, c)"), -3.0, 0, 0);
	assert_close(eval("max(a, b, c)"), 4.0, 0, 0);
	assert_close(eval("abs(c)"), 3.0, 0, 0);
	assert_close(eval("year"), 2.0, 0, 0);
	assert_close(eval("month"), 14.0, 0, 0);
	assert_close(eval("prev(a) + prev(c)"), 4.0, 0, 0);
	assert_close(eval("  a*b  "), 10.0, 0, 0);
	assert_close(eval("1e3 * .5"), 500.0, 0, 0);
}

/*
 * Comparisons and conditions, worked by hand with a = 2.5, b = 4, c = -3,
 * prev(a) = 1, prev(b) = 2, year 2, month 14.
 */
static void test_conditions(void **state)
{
	(void)state;
	/* Every comparison, true and false; 1 and 0. */
	assert_close(eval("a < b"), 1.0, 0, 0);
	assert_close(eval("b < a"), 0.0, 0, 0);
	assert_close(eval("a <= 2.5"), 1.0, 0, 0);
	assert_close(eval("a <= 2.4"), 0.0, 0, 0);
	assert_close(eval("a > c"), 1.0, 0, 0);
	assert_close(eval("a > 2.5"), 0.0, 0, 0);
	assert_close(eval("a >= 2.5"), 1.0, 0, 0);
	assert_close(eval("a >= 2.6"), 0.0, 0, 0);
	assert_close(eval("a = 2.5"), 1.0, 0, 0);
	assert_close(eval("a = b"), 0.0, 0, 0);
	assert_close(eval("a <> b"), 1.0, 0, 0);
	assert_close(eval("a <> 2.5"), 0.0, 0, 0);
	/*
	 * Numbers that differ by the rounding of their arithmetic are equal, as
	 * in a spreadsheet: 0.1 + 0.2 is 0.30000000000000004, 5.6e-17 (one part in
	 * 5.4e15) above 0.3; the tolerance is 2^-48 of each number, about 3.6e-15.
	 * 1 + 2^-47 is twice that away from 1, and 1e-300 is not 0.
	 */
	assert_close(eval("0.1 + 0.2 = 0.3"), 1.0, 0, 0);
	assert_close(eval("0.1 + 0.2 > 0.3"), 0.0, 0, 0);
	assert_close(eval("0.1 + 0.2 <= 0.3"), 1.0, 0, 0);
	assert_close(eval("0.1 + 0.2 <> 0.3"), 0.0, 0, 0);
	assert_close(eval("1 + 2^-49 >= 1"), 1.0, 0, 0);
	assert_close(eval("1 + 2^-49 < 1"), 0.0, 0, 0);
	assert_close(eval("1 + 2^-47 = 1"), 0.0, 0, 0);
	assert_close(eval("1 + 2^-47 > 1"), 1.0, 0, 0);
	assert_close(eval("-1 - 2^-47 < -1"), 1.0, 0, 0);
	assert_close(eval("1e-300 = 0"), 0.0, 0, 0);
	assert_close(eval("1e-300 > 0"), 1.0, 0, 0);
	assert_close(eval("0.1 + 0.2 - 0.3 = 0"), 0.0, 0, 0);   /* 5.6e-17 is not 0: round() it */
	/* Arithmetic binds more tightly: 2.5 + 1 = 3.5 against 4 x 0.5 + 1.5 = 3.5. */
	assert_close(eval("a + 1 > b * 0.5 + 1.5"), 0.0, 0, 0);
	assert_close(eval("a + 1 >= b * 0.5 + 1.5"), 1.0, 0, 0);
	assert_close(eval("(year > 1) * 3%"), 0.03, 1e-15, 0);
	assert_close(eval("-(a > 2)"), -1.0, 0, 0);
	assert_close(eval("(a > 2) ^ 2"), 1.0, 0, 0);
	/* A comparison of comparisons compares 1 and 0: (1) < -3 is false. */
	assert_close(eval("(a < b) < c"), 0.0, 0, 0);
	assert_close(eval("(a < b) = 1"), 1.0, 0, 0);
	assert_close(eval("min(a > 2, 0.5)"), 0.5, 0, 0);
	assert_close(eval("max(a = 3, c)"), 0.0, 0, 0);
	/* if(): any number but 0 is true. */
	assert_close(eval("if(a > b, 10, 20)"), 20.0, 0, 0);
	assert_close(eval("if(a < b, 10, 20)"), 10.0, 0, 0);
	assert_close(eval("if(c, 1, 2)"), 1.0, 0, 0);
	assert_close(eval("if(0.5, 1, 2)"), 1.0, 0, 0);
	assert_close(eval("if(0, 1, 2)"), 2.0, 0, 0);
	assert_close(eval("if(a < 2, 1, if(a < 3, 2, 3))"), 2.0, 0, 0);
	assert_close(eval("if(prev(a) = 1, prev(b), 0)"), 2.0, 0, 0);
	assert_close(eval("if(month = 14, a, b)"), 2.5, 0, 0);
	/* The branch not taken may divide by zero, as in a spreadsheet. */
	assert_close(eval("if(b > 0, a / b, 1 / 0)"), 0.625, 1e-15, 0);
	assert_close(eval("if(b = 0, 1 / 0, a / b)"), 0.625, 1e-15, 0);
	/* and(), or(), not(). */
	assert_close(eval("and(a > 2, b > 3)"), 1.0, 0, 0);
	assert_close(eval("and(a > 2, b > 5)"), 0.0, 0, 0);
	assert_close(eval("and(1, 2.5, -3)"), 1.0, 0, 0);
	assert_close(eval("and(0)"), 0.0, 0, 0);
	assert_close(eval("or(a > 3, b > 3)"), 1.0, 0, 0);
	assert_close(eval("or(a > 3, b > 5)"), 0.0, 0, 0);
	assert_close(eval("or(0, 0, c)"), 1.0, 0, 0);
	assert_close(eval("not(a > b)"), 1.0, 0, 0);
	assert_close(eval("not(2.5)"), 0.0, 0, 0);
	assert_close(eval("not(0)"), 1.0, 0, 0);
	/* A value that is not finite makes a condition not a number: an error, never a guess. */
	assert_true(isnan(eval("if(1 / (b - b), 1, 2)")));
	assert_true(isnan(eval("if((b - b) / (b - b), 1, 2)")));
	assert_true(isnan(eval("a / (b - b) > 1")));
	assert_true(isnan(eval("a = (b - b) / (b - b)")));
	assert_true(isnan(eval("and(1, 1 / (b - b))")));
	assert_true(isnan(eval("or(1, (b - b) / (b - b))")));
	assert_true(isnan(eval("not(1 / (b - b))")));
	/* The branch taken is the value, infinite or not (the model reports it). */
	assert_true(isinf(eval("if(1, 1 / (b - b), 2)")));
}

/* Function names are read in any case, as a spreadsheet reads them. */
static void test_function_names_in_any_case(void **state)
{
	(void)state;
	assert_close(eval("IF(year>1,1.03,1)"), 1.03, 0, 0);
	assert_close(eval("If(year > 2, 1.03, 1)"), 1.0, 0, 0);
	assert_close(eval("ROUND(2.675, 2)"), 2.68, 1e-15, 0);
	assert_close(eval("Min(a, b) + MAX(a, b) + ABS(c)"), 9.5, 1e-15, 0);
	assert_close(eval("AND(a, b) + OR(0, a) + NOT(0)"), 3.0, 0, 0);
	assert_close(eval("PREV(a)"), 1.0, 0, 0);
}

static void test_round_like_a_spreadsheet(void **state)
{
	(void)state;
	assert_close(eval("round(2.15, 1)"), 2.2, 1e-15, 0);
	assert_close(eval("round(-1.475, 2)"), -1.48, 1e-15, 0);
	assert_close(eval("round(21.5, -1)"), 20.0, 0, 0);
	assert_close(eval("round(2.675, 2)"), 2.68, 1e-15, 0);   /* 2.67499999... in binary */
	assert_close(eval("round(626.3, -3)"), 1000.0, 0, 0);
	assert_close(eval("round(1.98, -1)"), 0.0, 0, 0);
	assert_close(eval("round(-50.55, -2)"), -100.0, 0, 0);
	assert_close(eval("round(2.5, 0)"), 3.0, 0, 0);
	assert_close(eval("round(-2.5, 0)"), -3.0, 0, 0);
	assert_close(eval("round(1.23456, 2.9)"), 1.23, 1e-15, 0);  /* digits truncated */
}

static void test_series(void **state)
{
	(void)state;
	crm_error err;
	crm_error_clear(&err);
	crm_expr *e = crm_expr_compile("100; 120.5;150", NULL, NULL, &err);
	assert_non_null(e);
	assert_int_equal(crm_expr_kind(e), CRM_VALUE_SERIES);
	assert_true(crm_expr_uses_time(e));
	crm_expr_env env = { NULL, NULL, 1, 1 };
	assert_close(crm_expr_eval(e, &env), 100.0, 0, 0);
	env.year = 2;
	assert_close(crm_expr_eval(e, &env), 120.5, 0, 0);
	env.year = 3;
	assert_close(crm_expr_eval(e, &env), 150.0, 0, 0);
	env.year = 4;   /* years past the list are 0 */
	assert_close(crm_expr_eval(e, &env), 0.0, 0, 0);
	crm_expr_free(e);

	e = crm_expr_compile("10%;20%", NULL, NULL, &err);
	assert_non_null(e);
	env.year = 2;
	assert_close(crm_expr_eval(e, &env), 0.2, 1e-15, 0);
	crm_expr_free(e);
}

static void test_deps(void **state)
{
	(void)state;
	crm_error err;
	const int *d;
	crm_error_clear(&err);
	crm_expr *e = crm_expr_compile("a * b + a + prev(c)", lookup, NULL, &err);
	assert_non_null(e);
	assert_int_equal(crm_expr_deps(e, &d), 2);
	assert_int_equal(d[0], 0);
	assert_int_equal(d[1], 1);
	assert_int_equal(crm_expr_prev_deps(e, &d), 1);
	assert_int_equal(d[0], 2);
	assert_true(crm_expr_uses_time(e));
	crm_expr_free(e);
	e = crm_expr_compile("a * 2", lookup, NULL, &err);
	assert_false(crm_expr_uses_time(e));
	assert_int_equal(crm_expr_kind(e), CRM_VALUE_EXPR);
	crm_expr_free(e);
	/* Both branches of if() count: which one is taken can change between periods. */
	e = crm_expr_compile("if(year > 1, a, b)", lookup, NULL, &err);
	assert_int_equal(crm_expr_deps(e, &d), 2);
	assert_int_equal(d[0], 0);
	assert_int_equal(d[1], 1);
	assert_true(crm_expr_uses_time(e));
	crm_expr_free(e);
	e = crm_expr_compile("if(a > 0, b, prev(c))", lookup, NULL, &err);
	assert_int_equal(crm_expr_deps(e, &d), 2);
	assert_int_equal(crm_expr_prev_deps(e, &d), 1);
	assert_int_equal(d[0], 2);
	assert_true(crm_expr_uses_time(e));
	crm_expr_free(e);
	e = crm_expr_compile("and(c, b) + not(a) + or(a < b)", lookup, NULL, &err);
	assert_int_equal(crm_expr_deps(e, &d), 3);
	assert_int_equal(d[0], 2);
	assert_false(crm_expr_uses_time(e));
	crm_expr_free(e);
	e = crm_expr_compile("-42.5%", lookup, NULL, &err);
	assert_int_equal(crm_expr_kind(e), CRM_VALUE_NUMBER);
	assert_close(crm_expr_number(e), -0.425, 1e-15, 0);
	crm_expr_free(e);
}

static void expect_compile_error(const char *src, const char *msg)
{
	crm_error err;
	crm_error_clear(&err);
	crm_expr *e = crm_expr_compile(src, lookup, NULL, &err);
	if (e) {
		crm_expr_free(e);
		print_error("'%s' compiled\n", src);
		fail();
	}
	assert_int_equal(err.status, CRM_EDATA);
	assert_contains(err.msg, msg);
}

static void test_formula_errors(void **state)
{
	(void)state;
	expect_compile_error("a *", "ends too early");
	expect_compile_error("a * (b + c", "expected ')'");
	expect_compile_error("a b", "after a complete formula");
	expect_compile_error("x + 1", "unknown input 'x'");
	/*
	 * Every function, the closest first by edits (insertions, deletions,
	 * substitutions), ties in the man page's order. By hand, foo is 2 edits
	 * from or (drop f, o to r) and not (f to n, o to t); 3 from min, max,
	 * abs, and (three substitutions) and if (insert i, drop o o); 4 from
	 * round (f to r, o to u, insert n d) and prev (three substitutions and an
	 * insertion). Rnd is 1 from and, 2 from round; mx 1 from max, 2 from min.
	 */
	expect_compile_error("foo(a)", "unknown function 'foo' (the functions, closest first: "
			     "or(), not(), min(), max(), abs(), if(), and(), round(), prev())");
	/* The function is known before its arguments are read. */
	expect_compile_error("IFF(year>1,1.03,1)", "at character 1: unknown function 'IFF' (the "
			     "functions, closest first: if(), ");
	expect_compile_error("mx(a)", "closest first: max(), min(), ");
	expect_compile_error("Rnd(a, 1)", "closest first: and(), round(), ");
	expect_compile_error("SUM(a, b)", "unknown function 'SUM': add with +: a + b + c (the "
			     "functions, closest first: ");
	expect_compile_error("if(a > 1, 2)", "if() takes three arguments (condition, value if "
			     "true, value if false), not 2");
	expect_compile_error("if(a, b, c, 1)", "if() takes three arguments");
	expect_compile_error("not(a, b)", "not() takes one argument, not 2");
	expect_compile_error("and()", "and() needs at least one argument");
	expect_compile_error("OR()", "OR() needs at least one argument");
	expect_compile_error("if(a > 1, 2", "at character 12: the formula ends inside the "
			     "arguments of if() (in a CSV file, a formula that holds commas is "
			     "written in double quotes");
	expect_compile_error("IF(a>1;2;3)", "a formula separates a function's arguments with ',', "
			     "not ';'");
	expect_compile_error("a == b", "at character 3: unexpected '==': compare with a single =");
	expect_compile_error("a != b", "unexpected '!=': write <> for 'not equal'");
	expect_compile_error("a => b", "write >= for 'at least'");
	expect_compile_error("a =< b", "write <= for 'at most'");
	expect_compile_error("!a", "unexpected '!': write not(x)");
	expect_compile_error("a && b", "write and(a, b)");
	expect_compile_error("a || b", "unexpected '|': write or(a, b)");
	expect_compile_error("a < b < c", "at character 7: comparisons do not chain (a < b < c "
			     "would compare 1 or 0 with c): write and(a < b, b < c)");
	/* A spreadsheet's leading '=': refused, and the value to write instead. */
	expect_compile_error(" =a * 2", "the value starts with '=': formulas are written without a "
			     "spreadsheet's leading '=' (write a * 2)");
	expect_compile_error("=5", "(write 5)");
	expect_compile_error("=100;120", "(write 100;120)");
	expect_compile_error("== a ", "(write a)");
	expect_compile_error(" = ", "the value is only '='");
	expect_compile_error("=a +", "leading '=' (leave it out); what follows it is wrong too: in "
			     "formula 'a +' at character 4: the formula ends too early");
	/* A % a space away from its number, wherever it is met. */
	expect_compile_error("a * 15 %", "at character 8: unexpected '%': write 15% (no space "
			     "between a number and its %)");
	expect_compile_error("(a * 2.5  %)", "unexpected '%': write 2.5% (no space");
	expect_compile_error("min(a, 3 %)", "unexpected '%': write 3% (no space");
	expect_compile_error("a * b %", "unexpected '%' after a complete formula");
	expect_compile_error("a < ", "ends too early");
	expect_compile_error("a # b", "expected an operator + - * / ^ or a comparison = <> < <= "
			     "> >=");
	expect_compile_error("YEAR + 1", "unknown input 'YEAR' (the period variable is year, in "
			     "lower case)");
	expect_compile_error("Max * 2", "Max is a function: expected '(' after it");
	expect_compile_error("if * 2", "if is a function: expected '(' after it");
	expect_compile_error("min()", "at least one argument");
	expect_compile_error("abs(a, b)", "abs() takes one argument");
	expect_compile_error("round(a)", "round() takes two arguments");
	expect_compile_error("prev(a + 1)", "expected ')' after prev(a");
	expect_compile_error("prev(1)", "prev() takes the name of an input");
	expect_compile_error("prev(zz)", "unknown input 'zz'");
	expect_compile_error("max", "max is a function");
	expect_compile_error("a # b", "unexpected '#'");
	expect_compile_error("a * $5", "currency sign");
	expect_compile_error("  ", "empty value");
	expect_compile_error("1,000", "thousands separators");
	expect_compile_error("100;abc", "year 2");
	expect_compile_error("100;;300", "year 2: empty value");
	expect_compile_error("1;2;", "year 3: empty value");
	/* Character positions are 1-based. */
	expect_compile_error("a + * b", "at character 5");
	/* A formula nested beyond the stack limit is refused, not overflowed. */
	char deep[400];
	size_t n = 0;
	for (int i = 0; i < 70; i++) {
		deep[n++] = 'a';
		deep[n++] = '+';
		deep[n++] = '(';
	}
	deep[n++] = 'a';
	for (int i = 0; i < 70; i++)
		deep[n++] = ')';
	deep[n] = '\0';
	expect_compile_error(deep, "nested too deeply");
}

/* Build pre, repeated n times, then mid, then post repeated n times. */
static char *nest(const char *pre, int n, const char *mid, const char *post)
{
	size_t len = (strlen(pre) + strlen(post)) * (size_t)n + strlen(mid) + 1;
	char *s = malloc(len), *p = s;
	assert_non_null(s);
	for (int i = 0; i < n; i++)
		p += sprintf(p, "%s", pre);
	p += sprintf(p, "%s", mid);
	for (int i = 0; i < n; i++)
		p += sprintf(p, "%s", post);
	return s;
}

/*
 * Nesting is bounded by one counter for every kind of recursion: 64 levels
 * of each are accepted, far deeper ones refused with a message (before the
 * bound, 100,000 levels overflowed the C stack).
 */
static void test_nesting_limit(void **state)
{
	(void)state;
	static const struct { const char *pre, *mid, *post; double at64; } kinds[] = {
		{ "(", "a", ")", 2.5 },
		{ "-", "1", "", 1.0 },            /* 64 minus signs: +1 */
		{ "+", "1", "", 1.0 },
		{ "abs(", "c", ")", 3.0 },
		{ "max(b, ", "a", ")", 4.0 },
		{ "1^", "1", "", 1.0 },
		{ "a+(", "0", ")", 160.0 },       /* 64 x 2.5 */
	};
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		char *s = nest(kinds[k].pre, CRM_EXPR_MAX_NESTING, kinds[k].mid, kinds[k].post);
		assert_close(eval(s), kinds[k].at64, 1e-15, 0);
		free(s);
		s = nest(kinds[k].pre, CRM_EXPR_MAX_NESTING + 1, kinds[k].mid, kinds[k].post);
		expect_compile_error(s, "nested too deeply");
		free(s);
		s = nest(kinds[k].pre, 100000, kinds[k].mid, kinds[k].post);
		expect_compile_error(s, "nested too deeply");
		free(s);
	}
	/* Mixed kinds count together. */
	char *s = nest("-(abs(", 22, "a", "))");
	expect_compile_error(s, "nested too deeply");
	free(s);
}

/*
 * round(x, digits) with a digits that is not a number is not a number (a
 * spreadsheet's ROUND gives #DIV/0! or #NUM!, never x); rounding to 10^400
 * gives 0, as ROUND(5000, -400) does in a spreadsheet... which caps at 0 too.
 */
static void test_round_edges(void **state)
{
	(void)state;
	assert_true(isnan(eval("round(a, (b - b) / (b - b))")));
	assert_true(isnan(eval("round((b - b) / (b - b), 2)")));
	assert_close(eval("round(5000, -400)"), 0.0, 0, 0);
	assert_close(eval("round(-5000, -400)"), 0.0, 0, 0);
	assert_close(eval("round(5000, -4)"), 10000.0, 0, 0);
	assert_close(eval("round(2.5, 400)"), 2.5, 0, 0);
	assert_close(eval("round(1e300, 20)"), 1e300, 0, 0);
}

/* A series item is read whole, however long: nothing is cut at 255 bytes. */
static void test_long_series_item(void **state)
{
	(void)state;
	char src[1024];
	crm_error err;
	crm_error_clear(&err);
	snprintf(src, sizeof src, "100%300sgarbage;200", "");
	assert_null(crm_expr_compile(src, NULL, NULL, &err));
	assert_contains(err.msg, "year 1");
	/* 300 significant digits of a number is still that number. */
	char lit[400];
	memset(lit, '0', sizeof lit);
	lit[0] = '1';
	lit[301] = ';';
	lit[302] = '5';
	lit[303] = '\0';
	crm_expr *e = crm_expr_compile(lit, NULL, NULL, &err);
	assert_non_null(e);
	crm_expr_env env = { NULL, NULL, 1, 1 };
	assert_close(crm_expr_eval(e, &env), 1e300, 1e-15, 0);
	crm_expr_free(e);
}

/* The error points at the first letter of a bad name. */
static void test_error_points_at_name(void **state)
{
	(void)state;
	expect_compile_error("a * 2 + lead * b", "at character 9: unknown input 'lead'");
	expect_compile_error("a + foo(b)", "at character 5: unknown function 'foo'");
	expect_compile_error("a + IFS(b, 1, 2)", "at character 5: unknown function 'IFS': nest if()");
	expect_compile_error("prev(zz)", "at character 6: unknown input 'zz'");
}

static void test_reserved(void **state)
{
	(void)state;
	assert_true(crm_expr_reserved("prev"));
	assert_true(crm_expr_reserved("year"));
	assert_true(crm_expr_reserved("if"));
	assert_true(crm_expr_reserved("and"));
	assert_true(crm_expr_reserved("or"));
	assert_true(crm_expr_reserved("not"));
	assert_false(crm_expr_reserved("leads"));
	/* Reserved as written: an input may be called If, and If(...) is still the function. */
	assert_false(crm_expr_reserved("If"));
	assert_contains(crm_expr_reserved_list(), "if, and, or, not, prev");
}

/*
 * Many points at once: every point's value is the one crm_expr_eval gives
 * for that point's inputs, bit for bit (NaN where it gives NaN), whatever
 * mix of constants and columns an operator meets.
 */
static void test_eval_many_points(void **state)
{
	(void)state;
	static const char *const src[] = {
		"a", "7.25", "-a", "abs(b - c)", "a + b * c", "(a - 3) / (b + 1)", "a / 0",
		"2 ^ a", "a ^ 0.5", "min(a, b, 3)", "max(a, 2 * b, c / 2)", "min(4, 5, -1)",
		"round(a * 1000, 2)", "round(2.675, 2) * b", "-(a * -b) + 12.5% * c",
		"max(a / (b - b), c)", "1 / (a - a) - 1 / (a - a)",
		"a > b", "a <= 1", "2 = 2", "b <> 0", "a >= c", "a < b * 2",
		"if(a > 1, b, c)", "if(b, a / b, 0)", "if(a / (b - b) > 0, 1, 2)", "if(1, a, 2)",
		"if(a > 0, 5, 7)", "if(0, 1, 2)", "if(b = 0, 1 / b, a)",
		"and(a, b > 0, c)", "or(a < 0, b)", "not(b)", "and(1, 2)", "or(0, 0)", "not(0)",
		"min(a > 0, b)", "(a < b) < c", "and(a / (b - b), 1)", "a * 3 = a + a + a",
		"b * (0.1 + 0.2) >= b * 0.3",
	};
	enum { M = 37 };
	double ca[M], cb[M], cc[M], out[M], stack[64 * M];
	const double *col[3] = { ca, cb, cc };
	for (int j = 0; j < M; j++) {
		ca[j] = (j % 7) - 2.5 + j * 0.125;
		cb[j] = j % 5 ? 3.0 / (j + 1) : 0.0;
		cc[j] = -j * 1.75;
	}
	for (size_t k = 0; k < sizeof src / sizeof *src; k++) {
		crm_error err;
		crm_error_clear(&err);
		crm_expr *e = crm_expr_compile(src[k], lookup, NULL, &err);
		assert_non_null(e);
		assert_true(crm_expr_stack_depth(e) <= 64);
		crm_expr_eval_n(e, col, M, stack, out);
		for (int j = 0; j < M; j++) {
			double cur[3] = { ca[j], cb[j], cc[j] }, zero[3] = { 0, 0, 0 };
			crm_expr_env env = { cur, zero, 1, 1 };
			double want = crm_expr_eval(e, &env);
			if (isnan(want))
				assert_true(isnan(out[j]));
			else
				assert_memory_equal(&out[j], &want, sizeof want);
		}
		crm_expr_free(e);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_eval_many_points),
		cmocka_unit_test(test_bad_numbers),
		cmocka_unit_test(test_formulas),
		cmocka_unit_test(test_conditions),
		cmocka_unit_test(test_function_names_in_any_case),
		cmocka_unit_test(test_percent_is_the_nearest_double),
		cmocka_unit_test(test_round_like_a_spreadsheet),
		cmocka_unit_test(test_series),
		cmocka_unit_test(test_deps),
		cmocka_unit_test(test_formula_errors),
		cmocka_unit_test(test_reserved),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_round_edges),
		cmocka_unit_test(test_long_series_item),
		cmocka_unit_test(test_error_points_at_name),
	};
	crm_init();
	return cmocka_run_group_tests_name("expr", tests, NULL, NULL);
}
