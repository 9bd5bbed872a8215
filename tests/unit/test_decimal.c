/*
 * test_decimal.c - files as a spreadsheet with a European locale saves them:
 * numbers with a decimal comma and dots grouping thousands, formulas with
 * ';' between a function's arguments, fields separated by ';' (a scenario,
 * its base, the setting decimal_separator), and messages that suggest a
 * number as the file writes numbers.
 *
 * Expected values are the decimals written out, read by the C library's
 * correctly rounded strtod ("1.234,56" is strtod("1234.56")), compared bit
 * for bit; formulas are worked by hand.
 */
#include "testutil.h"

#include <stdlib.h>
#include <unistd.h>

/* s read with a decimal comma is exactly the double nearest decimal (a percent's value / 100). */
static void expect_comma(const char *s, const char *decimal, int percent)
{
	double v, want = strtod(decimal, NULL);
	int pct = -1;
	char why[512] = "";

	if (crm_parse_number_in(s, CRM_DECIMAL_COMMA, &v, &pct, why, sizeof why) != CRM_OK) {
		print_error("'%s' refused: %s\n", s, why);
		fail();
	}
	if (v != want || pct != percent) {
		print_error("'%s' read as %.17g (percent %d), expected %.17g (%d)\n", s, v, pct, want,
			    percent);
		fail();
	}
}

static void test_comma_numbers(void **state)
{
	(void)state;
	expect_comma("62,5", "62.5", 0);
	expect_comma("1.234,56", "1234.56", 0);
	expect_comma("15,5%", "0.155", 1);
	expect_comma("-1.234.567,25", "-1234567.25", 0);
	expect_comma("850.000", "850000", 0);       /* a dot groups thousands */
	expect_comma("2,385", "2.385", 0);          /* and a comma is the decimal mark */
	expect_comma(",5", "0.5", 0);
	expect_comma("2,5e6", "2500000", 0);
	expect_comma("3E-2", "0.03", 0);
	expect_comma(" +0,7% ", "0.007", 1);
	expect_comma("1250", "1250", 0);
	/* The nearest double of the decimal, as for a decimal point: 0,7% is 0.007. */
	double v;
	assert_int_equal(crm_parse_number_in("0,7%", CRM_DECIMAL_COMMA, &v, NULL, NULL, 0), CRM_OK);
	assert_true(v == strtod("0.007", NULL) && v != 0.7 / 100);
}

/* s is refused with the decimal mark dec, and the message holds hint. */
static void expect_bad(const char *s, crm_decimal dec, const char *hint)
{
	double v;
	char why[512];

	assert_int_equal(crm_parse_number_in(s, dec, &v, NULL, why, sizeof why), CRM_EDATA);
	assert_contains(why, hint);
}

/*
 * A suggestion writes the number the file's way: 9.500,50 in a file with
 * decimal points is 9500.50 (it said "write 1234567.89"), 9,500.50 in one
 * with decimal commas is 9500,50.
 */
static void test_suggestions_follow_the_file(void **state)
{
	(void)state;
	const crm_decimal P = CRM_DECIMAL_POINT, C = CRM_DECIMAL_COMMA;
	expect_bad("9.500,50", P, "leave out thousands separators and use a decimal point "
		   "(write 9500.50)");
	expect_bad("1,234,567.89", P, "leave out thousands separators (write 1234567.89)");
	expect_bad("1.234.567", P, "leave out thousands separators (write 1234567)");
	expect_bad("12,5", P, "use a decimal point, not a comma (write 12.5)");
	expect_bad("12,5%", P, "use a decimal point, not a comma (write 12.5%)");
	expect_bad("-0,500", P, "use a decimal point, not a comma (write -0.500)");
	expect_bad("1,000", P, "leave out thousands separators (write 1000)");
	expect_bad("100 000", P, "leave out spaces between digits (write 100000)");
	expect_bad("9,500.50", C, "leave out thousands separators and use a decimal comma "
		   "(write 9500,50)");
	expect_bad("12.5", C, "use a decimal comma, not a point (write 12,5)");
	expect_bad("12.5%", C, "use a decimal comma, not a point (write 12,5%)");
	expect_bad("0.500", C, "use a decimal comma, not a point (write 0,500)");
	expect_bad("1.2345", C, "use a decimal comma, not a point (write 1,2345)");
	expect_bad("1 234,5", C, "leave out spaces between digits (write 1234,5)");
	expect_bad("1,2,3", C, "decimal comma, exponent and trailing %, e.g. -1250,5");
	expect_bad("1.5.3", P, "decimal point, exponent and trailing %, e.g. -1250.5");
	expect_bad("12,5 EUR", C, "write 12,5 alone");
	expect_bad("\xE2\x82\xAC" "1.000", C, "currency sign");
	expect_bad("", C, "empty value");
}

static void test_number_text(void **state)
{
	(void)state;
	char buf[32];
	assert_string_equal(crm_number_text(buf, sizeof buf, 255.5, CRM_DECIMAL_COMMA), "255,5");
	assert_string_equal(crm_number_text(buf, sizeof buf, 255.5, CRM_DECIMAL_POINT), "255.5");
	assert_string_equal(crm_number_text(buf, sizeof buf, -1250, CRM_DECIMAL_COMMA), "-1250");
	assert_string_equal(crm_number_text(buf, sizeof buf, 2.5e-7, CRM_DECIMAL_COMMA), "2,5e-07");
}

/* Inputs a = 2.5, b = 4, c = -3. */
static int lookup(void *ctx, const char *name, size_t len)
{
	(void)ctx;
	if (len == 1 && name[0] >= 'a' && name[0] <= 'c')
		return name[0] - 'a';
	return -1;
}

static double eval_in(const char *src, crm_decimal dec, int year)
{
	static const double cur[] = { 2.5, 4.0, -3.0 }, prev[] = { 1.0, 2.0, 3.0 };
	crm_error err;
	crm_error_clear(&err);
	crm_expr *e = crm_expr_compile_in(src, dec, lookup, NULL, &err);
	if (!e) {
		print_error("compile '%s': %s\n", src, err.msg);
		fail();
	}
	crm_expr_env env = { cur, prev, year, 1 };
	double v = crm_expr_eval(e, &env);
	crm_expr_free(e);
	return v;
}

static double eval_comma(const char *src)
{
	return eval_in(src, CRM_DECIMAL_COMMA, 1);
}

/* Formulas as a spreadsheet in those locales writes them: =MIN(A1;2,5). */
static void test_comma_formulas(void **state)
{
	(void)state;
	assert_close(eval_comma("min(a; 2,25)"), 2.25, 0, 0);
	assert_close(eval_comma("max(a;b;c)"), 4.0, 0, 0);
	assert_close(eval_comma("round(a * 1,15; 1)"), 2.9, 1e-15, 0);     /* 2.875 -> 2.9 */
	assert_close(eval_comma("round(1.234,5; -2)"), 1200.0, 0, 0);
	assert_close(eval_comma("b * 12,5%"), 0.5, 1e-15, 0);
	assert_close(eval_comma("1.000 * a"), 2500.0, 0, 0);               /* a dot groups */
	assert_close(eval_comma("a * ,5 + prev(b)"), 3.25, 0, 0);
	assert_close(eval_comma("abs(c) ^ 2"), 9.0, 0, 0);
	assert_close(eval_comma("if(a > 1,5; 2; 3)"), 2.0, 0, 0);            /* 2.5 > 1.5 */
	assert_close(eval_comma("IF(and(a >= 2,5; b <> 4); 1; 0,5)"), 0.5, 0, 0);
	/* The same formulas with a decimal point, for the record. */
	assert_close(eval_in("min(a, 2.25)", CRM_DECIMAL_POINT, 1), 2.25, 0, 0);
	assert_close(eval_in("round(a * 1.15, 1)", CRM_DECIMAL_POINT, 1), 2.9, 1e-15, 0);
}

/* A series is numbers separated by ';' in both conventions; a call's ';' is inside parentheses. */
static void test_comma_series(void **state)
{
	(void)state;
	crm_error err;
	crm_error_clear(&err);
	crm_expr *e = crm_expr_compile_in("1.000,5; 1.200;1,5e3", CRM_DECIMAL_COMMA, lookup, NULL,
					  &err);
	assert_non_null(e);
	assert_int_equal(crm_expr_kind(e), CRM_VALUE_SERIES);
	const double *v;
	assert_int_equal(crm_expr_series(e, &v), 3);
	assert_true(v[0] == 1000.5 && v[1] == 1200 && v[2] == 1500);
	crm_expr_free(e);
	e = crm_expr_compile_in("10,5%;20%", CRM_DECIMAL_COMMA, lookup, NULL, &err);
	assert_non_null(e);
	assert_int_equal(crm_expr_series(e, &v), 2);
	assert_true(v[0] == strtod("0.105", NULL) && v[1] == strtod("0.2", NULL));
	crm_expr_free(e);
	e = crm_expr_compile_in("max(a; 3)", CRM_DECIMAL_COMMA, lookup, NULL, &err);
	assert_non_null(e);
	assert_int_equal(crm_expr_kind(e), CRM_VALUE_EXPR);
	crm_expr_free(e);
	e = crm_expr_compile_in("1.234,56", CRM_DECIMAL_COMMA, lookup, NULL, &err);
	assert_non_null(e);
	assert_int_equal(crm_expr_kind(e), CRM_VALUE_NUMBER);
	assert_true(crm_expr_number(e) == 1234.56);
	crm_expr_free(e);
}

static void expect_compile_error(const char *src, crm_decimal dec, const char *msg)
{
	crm_error err;
	crm_error_clear(&err);
	crm_expr *e = crm_expr_compile_in(src, dec, lookup, NULL, &err);
	if (e) {
		crm_expr_free(e);
		print_error("'%s' compiled\n", src);
		fail();
	}
	assert_int_equal(err.status, CRM_EDATA);
	assert_contains(err.msg, msg);
}

static void test_comma_formula_errors(void **state)
{
	(void)state;
	const crm_decimal C = CRM_DECIMAL_COMMA;
	expect_compile_error("min(a, b)", C, "at character 6: numbers here have decimal commas, so "
			     "a function's arguments are separated by ';' (min(a; b))");
	expect_compile_error("min(1, 2)", C, "separated by ';'");
	expect_compile_error("a, b", C, "unexpected ',' after a complete formula (numbers here "
			     "have decimal commas");
	expect_compile_error("a * 1.5", C, "'1.5' is not a number: use a decimal comma, not a "
			     "point (write 1,5)");
	expect_compile_error("a * 1,234.5", C, "leave out thousands separators and use a decimal "
			     "comma (write 1234,5)");
	expect_compile_error("round(a; 2 b)", C, "expected ';' or ')' in the arguments of round()");
	expect_compile_error("round(a; 2", C, "the formula ends inside the arguments of round() "
			     "(in a CSV file, a formula that holds the field separator, ';' or ','");
	expect_compile_error("1,5;x", C, "year 2");
	expect_compile_error("12.5", C, "write 12,5");
	expect_compile_error("=min(a; 1,5)", C, "formulas are written without a spreadsheet's "
			     "leading '=' (write min(a; 1,5))");
	expect_compile_error("if(a > 1, 2, 3)", C, "numbers here have decimal commas");
	expect_compile_error("a * 1.234.567", CRM_DECIMAL_POINT, "leave out thousands separators "
			     "(write 1234567)");
}

/* A scenario's text and the loader's result, with its notes and warnings. */
static crm_scenario *parse(const char *text)
{
	crm_error err;
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_parse(text, strlen(text), "eu.csv", 0, &err);
	if (!sc) {
		print_error("eu.csv:%d:%d: %s\n", err.line, err.col, err.msg);
		fail();
	}
	return sc;
}

static const crm_input *input(const crm_scenario *sc, const char *name)
{
	for (size_t i = 0; i < sc->ninputs; i++)
		if (!strcmp(sc->inputs[i].name, name))
			return &sc->inputs[i];
	print_error("no input %s\n", name);
	fail();
	return NULL;
}

/* The TEI illustration (NPV 14,868.52, see test_metrics.c) saved by a European spreadsheet. */
static const char tei_eu[] =
	"# Forrester's TEI illustration; saved with a German locale\r\n"
	"kind;name;value;timing;note\r\n"
	"setting;title;TEI illustration\r\n"
	"setting;horizon_years;3\r\n"
	"setting;discount_rate;10,0%\r\n"
	"input;share;62,5%\r\n"
	"input;revenue;\"max(15.000; 14.999,5)\"\r\n"
	"cost;Set-up;10.000;once;\"Paid at the start; month 0\"\r\n"
	"cost;Operating cost;5.000,00;yearly\r\n"
	"benefit;Revenue;revenue * share / 62,5%;yearly\r\n";

static void test_semicolon_scenario(void **state)
{
	(void)state;
	crm_scenario *sc = parse(tei_eu);
	assert_true(sc->settings.discount_rate == strtod("0.1", NULL));
	assert_true(crm_expr_number(input(sc, "share")->value) == strtod("0.625", NULL));
	assert_int_equal(sc->nlines, 3);
	assert_string_equal(sc->lines[0].note, "Paid at the start; month 0");
	/* One note, on the header's line, and nothing else. */
	assert_int_equal(sc->warnings.count, 1);
	assert_int_equal(sc->warnings.items[0].note, 1);
	assert_int_equal(sc->warnings.items[0].line, 2);
	assert_contains(sc->warnings.items[0].msg, "read as a spreadsheet with a European locale "
			"saves CSV: fields separated by ';', numbers with a decimal comma");
	/* NPV by hand: -10000 now, then 10000 a year for three years at 10%. */
	crm_case *c = crm_case_new(sc, NULL, NULL);
	assert_non_null(c);
	assert_close(c->m.npv, -10000 + 10000 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331), 1e-12, 0);
	crm_case_free(c);
	crm_scenario_free(sc);
}

/* The setting decimal_separator, for a file whose separator does not tell. */
static void test_decimal_separator_setting(void **state)
{
	(void)state;
	/* A comma-separated file with decimal commas: a number holding one is quoted. */
	crm_scenario *sc = parse("kind,name,value,timing\n"
				 "setting,decimal_separator,comma\n"
				 "setting,horizon_years,2\n"
				 "input,x,\"1.234,5\"\n"
				 "input,y,\"max(x; 2,5)\"\n"
				 "cost,c,x,once\n");
	assert_true(crm_expr_number(input(sc, "x")->value) == 1234.5);
	assert_int_equal(sc->warnings.count, 1);
	assert_contains(sc->warnings.items[0].msg, "read as the setting decimal_separator says: "
			"numbers with a decimal comma");
	crm_scenario_free(sc);
	/* A file with ';' between fields and decimal points. */
	sc = parse("kind;name;value;timing\n"
		   "setting;decimal_separator;point\n"
		   "setting;horizon_years;2\n"
		   "input;x;1234.5\n"
		   "input;y;\"max(x, 2.5)\"\n"
		   "cost;c;x;once\n");
	assert_true(crm_expr_number(input(sc, "x")->value) == 1234.5);
	assert_contains(sc->warnings.items[0].msg, "read as the setting decimal_separator says: "
			"fields separated by ';', numbers with a decimal point");
	crm_scenario_free(sc);
	/* The default stated: no note. Words in any case, and the marks themselves. */
	sc = parse("kind,name,value,timing\nsetting,decimal_separator,Point\nsetting,horizon_years,2\n"
		   "cost,c,1.5,once\n");
	assert_int_equal(sc->warnings.count, 0);
	crm_scenario_free(sc);
	sc = parse("kind;name;value;timing\nsetting;decimal_separator;\",\"\nsetting;horizon_years;2\n"
		   "cost;c;1,5;once\n");
	assert_true(sc->lines[0].value && crm_expr_number(sc->lines[0].value) == 1.5);
	crm_scenario_free(sc);
}

static void expect_load_error(const char *text, int line, int col, const char *msg)
{
	crm_error err;
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_parse(text, strlen(text), "bad.csv", 0, &err);
	if (sc) {
		crm_scenario_free(sc);
		print_error("loaded:\n%s\n", text);
		fail();
	}
	assert_contains(err.msg, msg);
	if (err.line != line || err.col != col) {
		print_error("at %d:%d, expected %d:%d: %s\n", err.line, err.col, line, col, err.msg);
		fail();
	}
}

static void test_european_errors(void **state)
{
	(void)state;
	expect_load_error("kind;name;value;timing\nsetting;horizon_years;3\ncost;a;12.5;once\n", 3, 3,
			  "cost 'a': '12.5' is not a number: use a decimal comma, not a point "
			  "(write 12,5); if the file writes decimal points, say so with the row "
			  "setting;decimal_separator;point");
	expect_load_error("kind,name,value,timing\nsetting,horizon_years,3\ncost,a,\"9.500,50\","
			  "once\n", 3, 3, "'9.500,50' is not a number: leave out thousands "
			  "separators and use a decimal point (write 9500.50); if the file writes "
			  "decimal commas, say so with the row setting,decimal_separator,comma");
	/* 1,000 is as often a thousand as a decimal: no word about the convention. */
	expect_load_error("kind,name,value\nsetting,horizon_years,3\ninput,n,\"1,000\"\n", 3, 3,
			  "leave out thousands separators (write 1000)");
	expect_load_error("kind;name;value\nsetting;decimal_separator;pint\n", 2, 3,
			  "setting 'decimal_separator': 'pint' is not a decimal separator (did you "
			  "mean 'point'?) (expected comma, as in 1.234,56, or point, as in 1234.56)");
	expect_load_error("kind;name;value\nsetting;decimal_separator;comma\n"
			  "setting;decimal_separator;comma\n", 3, 2,
			  "setting 'decimal_separator' is given twice (first on line 2)");
	expect_load_error("kind;name;value\nsetting;decimal_seperator;comma\n", 2, 2,
			  "unknown setting 'decimal_seperator' (did you mean 'decimal_separator'?)");
	expect_load_error("kind;name;value\nsetting;horizon_years;3;x\n", 2, 4,
			  "a ';' inside a value shifts the fields: quote the value, as in "
			  "\"100;120;150\"");
	expect_load_error("kind,name,value\nsetting,decimal_separator,comma\n"
			  "setting,horizon_years,3\ncost,a,12,5\n", 4, 4,
			  "a comma inside a value shifts the fields: quote the value, as in \"12,5\"");
	expect_load_error("kind;name;value;unit\nsetting;horizon_years;3\ninput;y;2,555;percent\n",
			  3, 3, "input 'y': '2,555' would mean 255,5%: write 2,555% (the unit is "
			  "percent)");
	expect_load_error("kind;name;value\nsetting;horizon_years;3\nsetting;discount_rate;2,555\n",
			  3, 3, "'2,555' would mean 255,5%; write 2,555% for a percentage, or 255,5% "
			  "with the sign");
	expect_load_error("kind;name;value;low;high;dist\nsetting;horizon_years;3\n"
			  "input;x;3,5%pert\n", 3, 3, "'3,5%pert' runs two fields together: a ';' "
			  "seems to be missing between the value 3,5% and the distribution pert "
			  "(write 3,5%;pert, each in its column)");
	expect_load_error("kind;name;value;timing\nsetting;horizon_years;3\ninput;x;2\n"
			  "cost;c;\"min(x, 1)\";once\n", 4, 3, "numbers here have decimal commas");
}

/* Each file is read its own way: a base saved by a European spreadsheet under a comma file. */
static char dir[] = "/tmp/crmroi-decimal-XXXXXX";

static void write_file(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void test_base_with_its_own_convention(void **state)
{
	(void)state;
	char path[256];
	crm_error err;

	assert_non_null(mkdtemp(dir));
	write_file("base.csv", "kind;name;value;timing\n"
			       "setting;horizon_years;3\n"
			       "setting;discount_rate;7,5%\n"
			       "input;rate;2,5%\n"
			       "cost;Licences;1.250,5;yearly\n");
	write_file("variant.csv", "kind,name,value\n"
				  "setting,base,base.csv\n"
				  "input,rate,3.5%\n");
	snprintf(path, sizeof path, "%s/variant.csv", dir);
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_load(path, &err);
	if (!sc) {
		print_error("%s:%d:%d: %s\n", err.file, err.line, err.col, err.msg);
		fail();
	}
	assert_true(sc->settings.discount_rate == strtod("0.075", NULL));
	assert_true(crm_expr_number(input(sc, "rate")->value) == strtod("0.035", NULL));
	assert_true(crm_expr_number(sc->lines[0].value) == 1250.5);
	/* The base's note, on its header; the variant reads as it always did. */
	assert_int_equal(sc->warnings.count, 1);
	assert_contains(sc->warnings.items[0].file, "base.csv");
	assert_int_equal(sc->warnings.items[0].note, 1);
	crm_scenario_free(sc);
	snprintf(path, sizeof path, "%s/base.csv", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/variant.csv", dir);
	unlink(path);
	rmdir(dir);
}

/*
 * An actuals file saved by a European spreadsheet: the month plan of
 * test_track.c (Build 1000 a month in months 1-3, plus 10% risk), its first
 * two months booked. By hand: Build actual 1234.5 + 987.25 = 2221.75 against
 * a plan of 2 x 1100 = 2200; index 2221.75 / 2200.
 */
static void test_european_actuals(void **state)
{
	(void)state;
	static const char plan[] =
		"kind,name,value,timing,start,end,risk\n"
		"setting,horizon_years,1\n"
		"setting,period,month\n"
		"cost,Build,1000,monthly,1,3,10%\n";
	static const char actuals[] =
		"# booked; two months\r\n"
		"period;kind;name;value;source\r\n"
		"1;cost;Build;1.234,5;\"GL; 6120\"\r\n"
		"2;cost;Build;987,25;GL\r\n";
	crm_error err;
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_parse(plan, sizeof plan - 1, "plan.csv", 0, &err);
	assert_non_null(sc);
	for (size_t chunk = 0; chunk < sizeof actuals; chunk++) {
		crm_actuals *a = crm_actuals_new(sc);
		crm_track *t = NULL;
		assert_int_equal(crm_actuals_parse(a, actuals, sizeof actuals - 1, "eu.csv", chunk,
						   &err), CRM_OK);
		assert_true(crm_actuals_get(a, 0)->value == 1234.5);
		assert_true(crm_actuals_get(a, 1)->value == 987.25);
		assert_int_equal(crm_track_compute(sc, a, &t, &err), CRM_OK);
		const crm_track_row *b = NULL;
		for (size_t r = 0; r < t->nrows; r++)
			if (!strcmp(t->rows[r].name, "Build"))
				b = &t->rows[r];
		assert_non_null(b);
		assert_close(b->cum[2].actual, 2221.75, 0, 0);
		assert_close(b->index, 2221.75 / 2200, 1e-12, 0);
		/* The note on the header's line, and no warning. */
		assert_int_equal(t->warnings.count, 1);
		assert_int_equal(t->warnings.items[0].note, 1);
		assert_int_equal(t->warnings.items[0].line, 2);
		assert_contains(t->warnings.items[0].msg, "fields separated by ';', numbers with a "
				"decimal comma");
		crm_track_free(t);
		crm_actuals_free(a);
	}
	/* A number with a decimal point is refused, with the file's way of writing it. */
	crm_actuals *a = crm_actuals_new(sc);
	const char bad[] = "period;kind;name;value\n1;cost;Build;1234.5\n";
	assert_int_equal(crm_actuals_parse(a, bad, sizeof bad - 1, "bad.csv", 0, &err), CRM_EDATA);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 4);
	assert_contains(err.msg, "use a decimal comma, not a point (write 1234,5)");
	crm_actuals_free(a);
	crm_scenario_free(sc);
}

/*
 * An answers file saved by a European spreadsheet. By hand: policy and
 * strategy (50 points, 4 criteria) answered 62,5%, yes, no and 10,5% has a
 * mean of (0.625 + 1 + 0 + 0.105) / 4 = 0.4325: 21.625 points.
 */
static void test_european_answers(void **state)
{
	(void)state;
	static const char answers[] =
		"id;section;max_points;answer;evidence\n"
		"title;about;;Test GmbH;\n"
		"PS1;policy and strategy;12,5;62,5%;\"Strategie; S. 3\"\n"
		"PS2;policy and strategy;12,5;yes;\n"
		"PS3;policy and strategy;12,5;no;\n"
		"PS4;policy and strategy;12,5;10,5%;\n";
	crm_error err;
	for (size_t chunk = 0; chunk < sizeof answers; chunk += 7) {
		crm_error_clear(&err);
		crm_assessment *a = crm_assess_parse(answers, sizeof answers - 1, "eu.csv", chunk, &err);
		assert_non_null(a);
		assert_true(a->answers[0].score == strtod("0.625", NULL));
		assert_true(a->answers[3].score == strtod("0.105", NULL));
		assert_close(a->section_points[0], 21.625, 1e-12, 0);
		assert_string_equal(a->answers[0].evidence, "Strategie; S. 3");
		assert_int_equal(a->warnings.items[0].note, 1);
		assert_int_equal(a->warnings.items[0].line, 1);
		assert_contains(a->warnings.items[0].msg, "read as a spreadsheet with a European locale");
		for (size_t i = 1; i < a->warnings.count; i++)
			assert_int_equal(a->warnings.items[i].note, 0);
		crm_assess_free(a);
	}
	/* A score without %: the example is written with a decimal comma. */
	const char bad[] = "id;answer\nPS1;0,625\n";
	assert_null(crm_assess_parse(bad, sizeof bad - 1, "bad.csv", 0, &err));
	assert_contains(err.msg, "a score is a percentage, written with % (e.g. 62,5%)");
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comma_numbers),
		cmocka_unit_test(test_suggestions_follow_the_file),
		cmocka_unit_test(test_number_text),
		cmocka_unit_test(test_comma_formulas),
		cmocka_unit_test(test_comma_series),
		cmocka_unit_test(test_comma_formula_errors),
		cmocka_unit_test(test_semicolon_scenario),
		cmocka_unit_test(test_decimal_separator_setting),
		cmocka_unit_test(test_european_errors),
		cmocka_unit_test(test_base_with_its_own_convention),
		cmocka_unit_test(test_european_actuals),
		cmocka_unit_test(test_european_answers),
	};
	crm_init();
	return cmocka_run_group_tests_name("decimal", tests, NULL, NULL);
}
