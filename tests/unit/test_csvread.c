/*
 * test_csvread.c - CSV rows and positions do not depend on how input arrives.
 *
 * As libcsv's own tests do, the same text is parsed with every chunk size
 * from 1 byte up, and the rows, fields and line numbers must all agree.
 */
#include "testutil.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

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
			assert_int_equal(crm_csv_field_line(&a->rows[r], f), crm_csv_field_line(&b->rows[r], f));
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
	assert_int_equal(crm_csv_field_line(&t.rows[3], 2), 6);
	assert_int_equal(crm_csv_field_line(&t.rows[3], 3), 6);
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
	assert_int_equal(crm_read_file(path, "scenario file", &buf, &len, &err), CRM_OK);
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

/*
 * A control character inside a field is refused where it is, whatever the
 * chunk size: before, `1\0garbage` was read as 1. One before a malformed
 * quote on its line is the error named, as the first: read whole, the line
 * was reported as malformed CSV, read in small chunks as the control
 * character (found by tests/fuzz/fuzz_actuals.c).
 */
static void test_control_characters(void **state)
{
	(void)state;
#define C(text, line, col, what) { text, sizeof text - 1, line, col, what }
	static const struct { const char *text; size_t len; int line, col; const char *what; } cases[] = {
		C("kind,name,value\ncost,A,1\0garbage\n", 2, 3, "0x00 at character 2"),
		C("kind,name,value\ncost,A\x1b[31m,1\n", 2, 2, "0x1B at character 2"),
		C("kind,name,value\n# note \x7f\ncost,A,1\n", 2, 1, "0x7F at character 8"),
		C("kind,name,value\ncost,\"two\nli\x01nes\",1\n", 3, 2, "0x01 at character 7"),
		C("a,b\x0c\n", 1, 2, "0x0C"),
		C("kind,name,value\ncost,A\x01,1\"x\n", 2, 2, "0x01 at character 2"),
		C("\x01,1\")", 1, 1, "0x01 at character 1"),
	};
#undef C
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		for (size_t chunk = 0; chunk <= cases[i].len; chunk++) {
			crm_csv_table t;
			crm_error err;
			crm_error_clear(&err);
			assert_int_equal(crm_csv_parse(cases[i].text, cases[i].len, chunk, "c.csv", &t,
						       &err), CRM_EDATA);
			if (err.line != cases[i].line || err.col != cases[i].col) {
				print_error("case %zu chunk %zu: at %d:%d, expected %d:%d\n", i, chunk,
					    err.line, err.col, cases[i].line, cases[i].col);
				fail();
			}
			assert_contains(err.msg, cases[i].what);
		}
	/* Tab, CR and LF are text. */
	const char ok[] = "a,b\r\n\"x\ty\",\"two\r\nlines\"\r\n";
	crm_csv_table t;
	crm_error err;
	assert_int_equal(crm_csv_parse(ok, sizeof ok - 1, 0, "ok.csv", &t, &err), CRM_OK);
	assert_string_equal(t.rows[1].fields[0], "x\ty");
	crm_csv_table_free(&t);
}

static char tmpdir[] = "/tmp/crmroi-csvread-XXXXXX";

static void expect_refused(const char *path, const char *what)
{
	crm_error err;
	char *buf = NULL;
	size_t len;
	crm_error_clear(&err);
	assert_int_equal(crm_read_file(path, "scenario file", &buf, &len, &err), CRM_EIO);
	assert_null(buf);
	assert_string_equal(err.file, path);
	assert_contains(err.msg, what);
}

/*
 * Only regular files are read, up to CRM_MAX_FILE_SIZE: /dev/zero was read
 * until memory ran out, a FIFO blocked for ever (this test would hang).
 */
static void test_read_file_kinds(void **state)
{
	(void)state;
	char path[256], *buf;
	size_t len;
	crm_error err;

	assert_non_null(mkdtemp(tmpdir));
	expect_refused("/dev/zero", "a device");
	expect_refused(tmpdir, "a directory");
	snprintf(path, sizeof path, "%s/fifo", tmpdir);
	assert_int_equal(mkfifo(path, 0600), 0);
	expect_refused(path, "a FIFO");
	unlink(path);
	/* One byte over the cap (a sparse file: no disk used). */
	snprintf(path, sizeof path, "%s/big.csv", tmpdir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(truncate(path, (off_t)CRM_MAX_FILE_SIZE + 1), 0);
	expect_refused(path, "more than the 64 MB");
	/* At the cap exactly it is read whole. */
	assert_int_equal(truncate(path, (off_t)CRM_MAX_FILE_SIZE), 0);
	assert_int_equal(crm_read_file(path, "scenario file", &buf, &len, &err), CRM_OK);
	assert_int_equal(len, CRM_MAX_FILE_SIZE);
	free(buf);
	unlink(path);
	/* An ordinary file. */
	snprintf(path, sizeof path, "%s/ok.csv", tmpdir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("kind,name,value\n", f);
	fclose(f);
	assert_int_equal(crm_read_file(path, "scenario file", &buf, &len, &err), CRM_OK);
	assert_int_equal(len, 16);
	assert_string_equal(buf, "kind,name,value\n");
	free(buf);
	unlink(path);
	rmdir(tmpdir);
}

/*
 * The field separator of a file: ';' when its header has more fields read so
 * than with ',', as a spreadsheet with a European locale saves "CSV".
 */
static void test_detect_separator(void **state)
{
	(void)state;
#define D(text, sep) { text, sizeof text - 1, sep }
	static const struct { const char *text; size_t len; char sep; } cases[] = {
		D("kind;name;value\nsetting;title;A, B and C\n", ';'),
		D("kind,name,value\nsetting,title,A; B\n", ','),
		D("\xEF\xBB\xBFkind;name;value\r\n", ';'),
		/* Comments and blank rows before the header do not count, whatever they hold. */
		D("# a;b;c;d;e\n\n;;\nkind,name,value\n", ','),
		D("# a, b, c, d, e\n,,,\nkind;name;value\n", ';'),
		D("  # indented, comment; here\nkind;name\n", ';'),
		/* A quoted separator is text. */
		D("\"kind;name;value\",x\n", ','),
		D("\"kind,name\";value;note\n", ';'),
		/* As many either way (one column, or a tie): commas. */
		D("kind\n", ','),
		D("kind;name,value\n", ','),
		D("", ','),
		D("# only a comment; no header\n", ','),
		/* A header without a final line end. */
		D("period;kind;name;value", ';'),
		/* Malformed before the header: commas, and the reader says what is wrong. */
		D("\"open;\nkind;name;value\n", ','),
	};
#undef D
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char got = crm_csv_detect_sep(cases[i].text, cases[i].len);
		if (got != cases[i].sep) {
			print_error("case %zu: '%c', expected '%c'\n", i, got, cases[i].sep);
			fail();
		}
	}
}

/* With ';' between fields: commas are text, quotes and positions as with commas. */
static const char semicolons[] =
	"\xEF\xBB\xBF# comment; with a semicolon, and a comma\r\n"
	"kind;name;value;note\r\n"
	"\r\n"
	"input;a;\"1,5\"\r\n"
	"benefit;\"Multi\nline; \"\"label\"\"\";min(a; 2,5);\"note\r\nover\r\nthree lines\"\n"
	"cost;  spaced  ;3,25;a, b\n"
	"cost;last;4";

static void test_semicolons_every_chunk_size(void **state)
{
	(void)state;
	crm_csv_table whole, part;
	crm_error err;
	assert_int_equal(crm_csv_detect_sep(semicolons, sizeof semicolons - 1), ';');
	assert_int_equal(crm_csv_parse_sep(semicolons, sizeof semicolons - 1, 0, ';', "s", &whole,
					   &err), CRM_OK);
	assert_int_equal(whole.nrows, 6);
	assert_string_equal(whole.rows[0].fields[0], "# comment");
	assert_int_equal(whole.rows[1].nfields, 4);
	assert_string_equal(whole.rows[2].fields[2], "1,5");
	assert_string_equal(whole.rows[3].fields[1], "Multi\nline; \"label\"");
	assert_string_equal(whole.rows[3].fields[2], "min(a");    /* a formula's ';' is quoted */
	assert_string_equal(whole.rows[3].fields[3], "2,5)");
	assert_int_equal(crm_csv_field_line(&whole.rows[3], 4), 6);
	assert_string_equal(whole.rows[4].fields[1], "spaced");
	assert_string_equal(whole.rows[4].fields[2], "3,25");
	assert_string_equal(whole.rows[4].fields[3], "a, b");
	assert_int_equal(whole.rows[4].line, 9);
	assert_int_equal(whole.rows[5].line, 10);
	for (size_t chunk = 1; chunk <= sizeof semicolons; chunk++) {
		assert_int_equal(crm_csv_parse_sep(semicolons, sizeof semicolons - 1, chunk, ';', "s",
						   &part, &err), CRM_OK);
		expect_same(&whole, &part, chunk);
		crm_csv_table_free(&part);
	}
	crm_csv_table_free(&whole);
	/* Errors are located as with commas. */
	const char *bad = "a;b\n1;\"x\"y\n";
	crm_error_clear(&err);
	assert_int_equal(crm_csv_parse_sep(bad, strlen(bad), 0, ';', "bad.csv", &whole, &err),
			 CRM_EDATA);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 2);
	assert_contains(err.msg, "malformed CSV");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_every_chunk_size),
		cmocka_unit_test(test_scenario_every_chunk_size),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_read_file_kinds),
		cmocka_unit_test(test_detect_separator),
		cmocka_unit_test(test_semicolons_every_chunk_size),
	};
	crm_init();
	return cmocka_run_group_tests_name("csvread", tests, NULL, NULL);
}
