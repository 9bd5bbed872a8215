/*
 * test_csvread.c - CSV rows and positions do not depend on how input arrives.
 *
 * As libcsv's own tests do, the same text is parsed with every chunk size
 * from 1 byte up, and the rows, fields and line numbers must all agree.
 */
#include "testutil.h"

#include <stdlib.h>

static const char sample[] =
	"\xEF\xBB\xBF# comment, with a comma\r\n"
	"kind,name,value,note\r\n"
	"\r\n"
	"input,a,\"1\"\r\n"
	"benefit,\"Multi\nline \"\"label\"\"\",a * 2,\"note\r\nover\r\nthree lines\"\n"
	"cost,  spaced  ,3,\n"
	"cost,last,4";

static void expect_same(const crm_csv_table *a, const crm_csv_table *b, size_t chunk)
{
	if (a->nrows != b->nrows) {
		print_error("chunk %zu: %zu rows, not %zu\n", chunk, b->nrows, a->nrows);
		fail();
	}
	for (size_t r = 0; r < a->nrows; r++) {
		assert_int_equal(a->rows[r].nfields, b->rows[r].nfields);
		assert_int_equal(a->rows[r].line, b->rows[r].line);
		for (int f = 0; f < a->rows[r].nfields; f++) {
			assert_string_equal(a->rows[r].fields[f], b->rows[r].fields[f]);
			assert_int_equal(a->rows[r].field_lines[f], b->rows[r].field_lines[f]);
		}
	}
}

static void test_positions(void **state)
{
	(void)state;
	crm_csv_table t;
	crm_error err;
	assert_int_equal(crm_csv_parse(sample, sizeof sample - 1, 0, "s", &t, &err), CRM_OK);
	/* The blank line is not a row. */
	assert_int_equal(t.nrows, 6);
	assert_int_equal(t.rows[0].line, 1);
	assert_string_equal(t.rows[0].fields[0], "# comment");
	assert_int_equal(t.rows[1].line, 2);
	assert_int_equal(t.rows[2].line, 4);
	assert_string_equal(t.rows[2].fields[2], "1");
	/* The multi-line row starts on line 5; its note starts on line 6 and spans 3 lines. */
	assert_int_equal(t.rows[3].line, 5);
	assert_string_equal(t.rows[3].fields[1], "Multi\nline \"label\"");
	assert_int_equal(t.rows[3].field_lines[2], 6);
	assert_int_equal(t.rows[3].field_lines[3], 6);
	assert_string_equal(t.rows[3].fields[3], "note\r\nover\r\nthree lines");
	assert_int_equal(t.rows[4].line, 9);
	assert_string_equal(t.rows[4].fields[1], "spaced");   /* libcsv trims unquoted spaces */
	assert_int_equal(t.rows[4].nfields, 4);
	assert_int_equal(t.rows[5].line, 10);                /* no final newline */
	assert_string_equal(t.rows[5].fields[2], "4");
	crm_csv_table_free(&t);
}

static void test_every_chunk_size(void **state)
{
	(void)state;
	crm_csv_table whole, part;
	crm_error err;
	assert_int_equal(crm_csv_parse(sample, sizeof sample - 1, 0, "s", &whole, &err), CRM_OK);
	for (size_t chunk = 1; chunk <= sizeof sample; chunk++) {
		assert_int_equal(crm_csv_parse(sample, sizeof sample - 1, chunk, "s", &part, &err), CRM_OK);
		expect_same(&whole, &part, chunk);
		crm_csv_table_free(&part);
	}
	crm_csv_table_free(&whole);
}

static void test_scenario_every_chunk_size(void **state)
{
	(void)state;
	char *buf;
	size_t len;
	crm_error err;
	char path[1024];
	snprintf(path, sizeof path, "%s/scenarios/midsize_business_case.csv", TEST_SRCDIR);
	assert_int_equal(crm_read_file(path, &buf, &len, &err), CRM_OK);
	crm_scenario *ref = crm_scenario_parse(buf, len, "m", 0, &err);
	assert_non_null(ref);
	for (size_t chunk = 1; chunk < 300; chunk += chunk < 20 ? 1 : 37) {
		crm_scenario *sc = crm_scenario_parse(buf, len, "m", chunk, &err);
		assert_non_null(sc);
		assert_int_equal(sc->ninputs, ref->ninputs);
		assert_int_equal(sc->nlines, ref->nlines);
		for (size_t l = 0; l < sc->nlines; l++) {
			assert_string_equal(sc->lines[l].label, ref->lines[l].label);
			assert_int_equal(sc->lines[l].loc.line, ref->lines[l].loc.line);
		}
		crm_scenario_free(sc);
	}
	crm_scenario_free(ref);
	free(buf);
}

static void test_malformed(void **state)
{
	(void)state;
	crm_csv_table t;
	crm_error err;
	const char *bad = "a,b\n1,\"x\"y\n";
	crm_error_clear(&err);
	assert_int_equal(crm_csv_parse(bad, strlen(bad), 0, "bad.csv", &t, &err), CRM_EDATA);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 2);
	assert_contains(err.msg, "malformed CSV");
	const char *open = "a,b\n1,2\n3,\"never\nclosed\n";
	assert_int_equal(crm_csv_parse(open, strlen(open), 0, "bad.csv", &t, &err), CRM_EDATA);
	assert_int_equal(err.line, 3);
	assert_contains(err.msg, "not closed");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_every_chunk_size),
		cmocka_unit_test(test_scenario_every_chunk_size),
		cmocka_unit_test(test_malformed),
	};
	crm_init();
	return cmocka_run_group_tests_name("csvread", tests, NULL, NULL);
}
