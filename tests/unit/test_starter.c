/*
 * test_starter.c - the scenario crmroi new writes (crmroi/starter.h, written
 * by src/render/starter_view.c) and the placeholder column it relies on.
 *
 *  - A starter of every area alone, and of all areas at once, over horizons
 *    of 1, 5 and 50 years, loads, checks and evaluates with no warning but
 *    one per placeholder, and as many placeholders as the starter counted;
 *    every row has a cell for every column of its header.
 *  - A value changed is a placeholder no longer; the same number written
 *    otherwise (10% and 0.1) still is; emptying the cell keeps the value.
 *  - The placeholder column on a row that has no value of its own is an
 *    error; a variant inherits its base's placeholders.
 *  - Options that cannot make a scenario are refused with a message.
 *  - A variant of a starter, and of a base with a label that needs quotes,
 *    loads as it is and with every example uncommented, and the examples do
 *    what their comments say.
 *
 * Expected values are counted by hand from the starter's rows (a benefit of
 * the library a line each, an input of it a placeholder each).
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <stdlib.h>
#include <unistd.h>

#include "render.h"
#include "starter_view.h"

static char dir[256];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/crmroi-starter-XXXXXX");
	/* A scenario is read back by crmroi as it is written (cmd_new.c does the same). */
	csv_set_raw_text(1);
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* The starter as the text crmroi new writes; the caller frees it. */
static char *text_of(const crm_starter *s, size_t *len)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);
	assert_non_null(fp);
	starter_view_csv(s, fp);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void put(const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static crm_scenario *load(const char *name)
{
	char path[512];
	crm_error err;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_load(path, &err);
	if (!sc) {
		print_error("%s:%d:%d: %s\n", err.file, err.line, err.col, err.msg);
		fail();
	}
	return sc;
}

/* Every warning of sc is a placeholder's, and there are n of them. */
static void only_placeholders(const crm_scenario *sc, size_t n)
{
	for (size_t w = 0; w < sc->warnings.count; w++)
		if (!strstr(sc->warnings.items[w].msg, "is a placeholder")) {
			print_error("%s:%d: %s\n", sc->warnings.items[w].file,
				    sc->warnings.items[w].line, sc->warnings.items[w].msg);
			fail();
		}
	assert_int_equal(sc->warnings.count, n);
	assert_int_equal(sc->nplaceholders, n);
}

/* Loads, checks (every error listed) and evaluates its business case. */
static void loads_checks_runs(const char *text, size_t len, size_t placeholders)
{
	crm_error err;
	crm_warnings errors = { NULL, 0, 0 };
	size_t unlisted = 0;

	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_check_text(text, len, "starter.csv", &errors, &unlisted,
						   &err);
	if (!sc) {
		print_error("%s:%d:%d: %s\n", err.file, err.line, err.col, err.msg);
		fail();
	}
	only_placeholders(sc, placeholders);
	assert_int_equal(errors.count, 0);   /* no error (the warnings are in sc) */
	crm_warnings_free(&errors);
	crm_case *c = crm_case_new(sc, NULL, &err);
	if (!c) {
		print_error("%s\n", err.msg);
		fail();
	}
	crm_case_free(c);
	crm_scenario_free(sc);
}

/* Every row (header, rows and examples) has a cell for every column. */
static void every_field(const char *text, size_t ncolumns)
{
	crm_csv_table t;
	crm_error err;
	assert_int_equal(crm_csv_parse(text, strlen(text), 0, "starter.csv", &t, &err), CRM_OK);
	for (size_t r = 0; r < t.nrows; r++) {
		static const char *const examples[] = { "# setting", "# input", "# cost", "# benefit",
			"# remove" };
		const crm_csv_row *row = &t.rows[r];
		int example = 0;
		for (size_t k = 0; k < 5; k++)
			example |= !strcmp(row->fields[0], examples[k]);
		if (row->fields[0][0] == '#' && !example)
			continue;   /* a comment */
		assert_int_equal(row->nfields, ncolumns);
	}
	crm_csv_table_free(&t);
}

static crm_starter *new_of(const char *const *areas, size_t n, int years)
{
	crm_starter_options o = { areas, n, "EUR", years, NULL, "case.csv" };
	crm_error err;
	crm_error_clear(&err);
	crm_starter *s = crm_starter_new(&o, &err);
	if (!s) {
		print_error("%s\n", err.msg);
		fail();
	}
	return s;
}

static void test_every_area(void **state)
{
	static const int years[] = { 1, 5, 50 };
	const char *all[64];
	size_t n = crm_areas_count();

	(void)state;
	for (size_t i = 0; i < n; i++)
		all[i] = crm_areas_at(i)->name;
	for (size_t y = 0; y < sizeof years / sizeof *years; y++)
		for (size_t i = 0; i <= n; i++) {
			/* i == n: every area at once. */
			crm_starter *s = i < n ? new_of(&all[i], 1, years[y]) : new_of(all, n, years[y]);
			size_t len;
			char *text = text_of(s, &len);
			print_message("%s, %d years\n", i < n ? all[i] : "all areas", years[y]);
			loads_checks_runs(text, len, s->nplaceholders);
			every_field(text, s->ncolumns);
			free(text);
			crm_starter_free(s);
		}
}

/* What one area gives, counted by hand from the library: lead management. */
static void test_counts(void **state)
{
	const char *lead[] = { "lead_management" };
	(void)state;
	crm_starter *s = new_of(lead, 1, 5);
	/* golive, adoption, 3 drivers, 6 inputs of the costs */
	assert_int_equal(s->ninputs, 11);
	assert_int_equal(s->nbenefits, 1);
	/* licences, implementation, integration, data migration, training, change
	 * management, project team, administration */
	assert_int_equal(s->ncosts, 8);
	/* discount rate, 11 inputs, implementation, integration, data migration, change
	 * management */
	assert_int_equal(s->nplaceholders, 16);
	assert_int_equal(s->nareas, 1);
	assert_int_equal(s->nexamples, 0);
	assert_string_equal(s->columns[s->ncolumns - 1], "placeholder");
	size_t len;
	char *text = text_of(s, &len);
	/* The implementation placeholder is the area's typical set-up cost. */
	assert_non_null(strstr(text, "\r\ncost,Implementation,45000,"));
	/* One person of the company's own on the project per area. */
	assert_non_null(strstr(text, "\r\ninput,project_fte,1,"));
	assert_non_null(strstr(text, "\r\nsetting,currency,EUR,"));
	assert_non_null(strstr(text, "\r\nsetting,horizon_years,5,"));
	assert_non_null(strstr(text, "crmroi check case.csv"));
	free(text);
	crm_starter_free(s);
}

static crm_starter *refused(const crm_starter_options *o, const char *msg)
{
	crm_error err;
	crm_error_clear(&err);
	crm_starter *s = crm_starter_new(o, &err);
	assert_null(s);
	assert_int_equal(err.status, CRM_EUSAGE);
	assert_contains(err.msg, msg);
	return s;
}

static void test_refused(void **state)
{
	const char *typo[] = { "field_servce" }, *twice[] = { "ecommerce", "ecommerce" };
	const char *ok[] = { "ecommerce" }, *none[] = { "nothing_like_it" };
	(void)state;
	refused(&(crm_starter_options){ typo, 1, NULL, 0, NULL, NULL },
		"unknown area 'field_servce' (did you mean 'field_service'?); the areas are "
		"lead_management, opportunity_management,");
	refused(&(crm_starter_options){ none, 1, NULL, 0, NULL, NULL },
		"unknown area 'nothing_like_it'; the areas are lead_management");
	refused(&(crm_starter_options){ twice, 2, NULL, 0, NULL, NULL }, "area 'ecommerce' is "
		"named twice");
	refused(&(crm_starter_options){ ok, 0, NULL, 0, NULL, NULL }, "no area given");
	refused(&(crm_starter_options){ ok, 1, "EURO,", 0, NULL, NULL }, "currency 'EURO,' is not "
		"a currency code");
	refused(&(crm_starter_options){ ok, 1, "", 0, NULL, NULL }, "is not a currency code");
	refused(&(crm_starter_options){ ok, 1, "USD EUR", 0, NULL, NULL }, "is not a currency "
		"code");
	/* Nine bytes: a scenario's currency has at most eight. */
	refused(&(crm_starter_options){ ok, 1, "EURDOLLAR", 0, NULL, NULL }, "currency "
		"'EURDOLLAR' is not a currency code (expected 1 to 8 letters or a sign");
	refused(&(crm_starter_options){ ok, 1, NULL, 51, NULL, NULL }, "a horizon of 51 years");
	refused(&(crm_starter_options){ ok, 1, NULL, -1, NULL, NULL }, "a horizon of -1 years");
	refused(&(crm_starter_options){ ok, 1, NULL, 0, "a\ttab", NULL }, "control character");
}

/* A title with a comma and quotes is quoted, and reads back as it was given. */
static void test_title_quoted(void **state)
{
	const char *ok[] = { "self_service" };
	crm_error err;
	(void)state;
	crm_starter *s = crm_starter_new(&(crm_starter_options){ ok, 1, NULL, 3,
		"Portal, \"phase 1\"", NULL }, &err);
	assert_non_null(s);
	size_t len;
	char *text = text_of(s, &len);
	assert_non_null(strstr(text, "setting,title,\"Portal, \"\"phase 1\"\"\","));
	assert_non_null(strstr(text, "crmroi check FILE"));
	crm_scenario *sc = crm_scenario_parse(text, len, "t.csv", 0, &err);
	assert_non_null(sc);
	assert_string_equal(sc->settings.title, "Portal, \"phase 1\"");
	assert_string_equal(sc->settings.currency, "USD");
	assert_int_equal(sc->settings.horizon_years, 3);
	crm_scenario_free(sc);
	free(text);
	crm_starter_free(s);
}

/* A currency sign beyond ASCII, and a code of eight letters, are a scenario's currency. */
static void test_currency_sign(void **state)
{
	static const char *const currencies[] = { "\xe2\x82\xac", "EURODOLL", "chf" };
	const char *ok[] = { "call_center" };
	crm_error err;
	(void)state;
	for (size_t i = 0; i < sizeof currencies / sizeof *currencies; i++) {
		crm_error_clear(&err);
		crm_starter *s = crm_starter_new(&(crm_starter_options){ ok, 1, currencies[i], 0,
			NULL, NULL }, &err);
		assert_non_null(s);
		size_t len;
		char *text = text_of(s, &len);
		crm_scenario *sc = crm_scenario_parse(text, len, "t.csv", 0, &err);
		assert_non_null(sc);
		assert_string_equal(sc->settings.currency, currencies[i]);
		crm_scenario_free(sc);
		free(text);
		crm_starter_free(s);
	}
}

/* ------------------------------------------------------------- placeholders */

static crm_scenario *parse(const char *text)
{
	crm_error err;
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_parse(text, strlen(text), "p.csv", 0, &err);
	if (!sc) {
		print_error("%s:%d:%d: %s\n", err.file, err.line, err.col, err.msg);
		fail();
	}
	return sc;
}

static void test_placeholder_changed(void **state)
{
	(void)state;
	crm_scenario *sc = parse("kind,name,value,low,high,timing,start,note,placeholder\n"
				 "setting,discount_rate,10%,,,,,Finance's hurdle rate,10%\n"
				 "input,leads,12000,10000,14000,,,CRM report,12000\n"
				 "input,uplift,2.5%,,,,,,2%\n"
				 "cost,Set-up,45000,,,once,0,,45000\n"
				 "benefit,Deals,leads * uplift*2500,,,yearly,4,,leads * uplift * 2500\n");
	/* uplift was changed; the rest were not (a formula but for blanks) */
	only_placeholders(sc, 4);
	assert_int_equal(sc->warnings.items[0].line, 2);
	assert_int_equal(sc->warnings.items[0].col, 3);
	assert_string_equal(sc->warnings.items[0].msg, "setting 'discount_rate': 10% is a "
			    "placeholder: write your own value (see its note), or empty its "
			    "placeholder cell");
	assert_string_equal(sc->warnings.items[1].msg, "input 'leads': 12000 is a placeholder: "
			    "write your own value, low and high (see its note), or empty its "
			    "placeholder cell");
	assert_string_equal(sc->warnings.items[2].msg, "cost 'Set-up': 45000 is a placeholder: "
			    "write your own value, or empty its placeholder cell");
	assert_int_equal(sc->warnings.items[3].line, 6);
	crm_scenario_free(sc);
}

/* The same number written otherwise is unchanged; an empty cell keeps the value. */
static void test_placeholder_same_number(void **state)
{
	(void)state;
	crm_scenario *sc = parse("kind,name,value,placeholder\n"
				 "setting,discount_rate,0.1,10%\n"
				 "input,a,1e3,1000\n"
				 "input,b,1000.5,1000\n"
				 "input,c,7,\n"
				 "cost,Set-up,a * 2,a*2\n");
	only_placeholders(sc, 3);
	assert_contains(sc->warnings.items[0].msg, "setting 'discount_rate': 0.1 is a placeholder");
	assert_contains(sc->warnings.items[1].msg, "input 'a': 1e3 is a placeholder");
	assert_contains(sc->warnings.items[2].msg, "cost 'Set-up': a * 2 is a placeholder");
	crm_scenario_free(sc);
}

static void test_placeholder_wrong_row(void **state)
{
	crm_error err;
	(void)state;
	const char *text = "kind,name,value,low,high,placeholder\n"
			   "input,a,1,0,2\ninput,b,1,0,2\n"
			   "correlation,a|b,0.5,,,0.5\n";
	crm_error_clear(&err);
	assert_null(crm_scenario_parse(text, strlen(text), "w.csv", 0, &err));
	assert_int_equal(err.status, CRM_EDATA);
	assert_int_equal(err.line, 4);
	assert_int_equal(err.col, 6);
	assert_contains(err.msg, "'0.5' is given for a correlation row, where it has no meaning");
	/* A remove row names what it removes, nothing else. */
	put("b.csv", "kind,name,value,placeholder\ninput,a,1,1\ncost,X,a,\n");
	put("c.csv", "kind,name,value,placeholder\nsetting,base,b.csv\nremove,a,,1\n");
	char path[512];
	snprintf(path, sizeof path, "%s/c.csv", dir);
	crm_error_clear(&err);
	assert_null(crm_scenario_load(path, &err));
	assert_contains(err.msg, "leave placeholder empty");
}

/* A variant shows its base's placeholders, where they are written; its own too. */
static void test_placeholder_inherited(void **state)
{
	(void)state;
	put("base.csv", "kind,name,value,placeholder\ninput,a,1,1\ninput,b,2,2\ncost,X,a + b,\n");
	put("child.csv", "kind,name,value,placeholder\nsetting,base,base.csv\ninput,b,3,2\n"
	    "input,c,4,4\ncost,Y,c,\n");
	crm_scenario *sc = load("child.csv");
	only_placeholders(sc, 2);
	assert_contains(sc->warnings.items[0].file, "base.csv");
	assert_contains(sc->warnings.items[0].msg, "input 'a'");
	assert_contains(sc->warnings.items[1].file, "child.csv");
	assert_contains(sc->warnings.items[1].msg, "input 'c'");
	crm_scenario_free(sc);
}

/* Change one value of a starter: one placeholder fewer. */
static void test_starter_edited(void **state)
{
	const char *lead[] = { "lead_management" };
	(void)state;
	crm_starter *s = new_of(lead, 1, 5);
	size_t len;
	char *text = text_of(s, &len);
	char *at = strstr(text, "\r\ninput,leads_per_year,12000,10000,14000,");
	assert_non_null(at);
	memcpy(at + strlen("\r\ninput,leads_per_year,"), "13000", 5);
	crm_scenario *sc = parse(text);
	only_placeholders(sc, s->nplaceholders - 1);
	crm_scenario_free(sc);
	free(text);
	crm_starter_free(s);
}

/* ----------------------------------------------------------------- variants */

/* Every "# " before an example row taken away. */
static char *uncommented(const char *text, const crm_starter *s)
{
	char *out = malloc(strlen(text) + 1), *o = out;
	const char *p = text;
	size_t nex = 0;
	assert_non_null(out);
	while (*p) {
		const char *eol = strstr(p, "\r\n");
		size_t n = eol ? (size_t)(eol - p) + 2 : strlen(p);
		/* An example is "# " and a kind, then a comma. */
		static const char *const kinds[] = { "# setting,", "# input,", "# cost,", "# benefit,",
			"# remove," };
		int ex = 0;
		for (size_t k = 0; k < 5; k++)
			ex |= !strncmp(p, kinds[k], strlen(kinds[k]));
		if (ex) {
			p += 2;
			n -= 2;
			nex++;
		}
		memcpy(o, p, n);
		o += n;
		p += n;
	}
	*o = '\0';
	assert_int_equal(nex, s->nexamples);
	return out;
}

static void test_variant_of_starter(void **state)
{
	const char *areas[] = { "lead_management", "field_service" };
	crm_error err;
	(void)state;
	crm_starter *s = new_of(areas, 2, 5);
	size_t len;
	char *text = text_of(s, &len);
	put("case.csv", text);
	free(text);
	crm_scenario *base = load("case.csv");
	crm_error_clear(&err);
	crm_starter *v = crm_starter_variant(base, "case.csv", NULL, "case.csv", "option2.csv",
					     &err);
	assert_non_null(v);
	assert_int_equal(v->nexamples, 6);
	assert_int_equal(v->ncolumns, s->ncolumns);
	text = text_of(v, &len);
	every_field(text, v->ncolumns);
	assert_non_null(strstr(text, "crmroi compare case.csv option2.csv"));
	/* The examples as the comments say: golive as in the base, the first benefit six
	 * months later, the first cost of a plain amount, the last cost taken out. */
	assert_non_null(strstr(text, "\r\n# input,golive,6,3,12,triangular,months,"));
	assert_non_null(strstr(text, "\r\n# benefit,Extra deals from faster follow-up,leads_per_year "
			       "* conversion_uplift * margin_per_deal,,,,,lead_management,yearly,"
			       "golive + 6,"));
	assert_non_null(strstr(text, "\r\n# cost,Implementation,155000,"));
	assert_non_null(strstr(text, "\r\n# remove,CRM administration,,"));
	assert_non_null(strstr(text, "\r\n# setting,horizon_years,7,"));
	assert_non_null(strstr(text, "\r\nsetting,title,CRM business case: lead management and "
			       "field service (variant),"));
	put("option2.csv", text);
	crm_scenario *sc = load("option2.csv");
	only_placeholders(sc, base->nplaceholders);
	assert_int_equal(sc->nlines, base->nlines);
	crm_scenario_free(sc);
	/* Every example in use: the placeholders of the rows copied whole are still
	 * placeholders, the added cost is one, golive's is there once. */
	char *all = uncommented(text, v);
	put("option2.csv", all);
	sc = load("option2.csv");
	assert_int_equal(sc->settings.horizon_years, 7);
	assert_int_equal(sc->nlines, base->nlines);   /* one line out, one in */
	assert_int_equal(crm_scenario_find_input(sc, "golive"), 0);
	const crm_line *ben = &sc->lines[0];
	assert_string_equal(ben->label, "Extra deals from faster follow-up");
	assert_int_equal(ben->start, 12);   /* golive 6, six months later */
	only_placeholders(sc, base->nplaceholders + 1);
	crm_scenario_free(sc);
	free(all);
	free(text);
	crm_starter_free(v);
	crm_scenario_free(base);
	crm_starter_free(s);
}

/*
 * A hand-written base in a folder of its own, inheriting from another: a
 * label with a comma and a quote, columns that differ from file to file, an
 * x_ column, a benefit whose start is a number.
 */
static void test_variant_of_chain(void **state)
{
	crm_error err;
	(void)state;
	put("root.csv", "kind,name,value,timing,start,x_source\n"
	    "setting,title,Root\n"
	    "input,leads,1000,,,CRM report\n"
	    "cost,\"Set-up, \"\"phase 1\"\"\",50000,once,0,Quote\n"
	    "cost,Licences,12000,yearly,1\n"
	    "benefit,Deals,leads * 25,yearly,4\n");
	put("mid.csv", "kind,name,value,note\n"
	    "setting,base,root.csv\n"
	    "setting,horizon_years,4\n"
	    "cost,Support,3000,Per year\n");
	crm_scenario *base = load("mid.csv");
	crm_error_clear(&err);
	crm_starter *v = crm_starter_variant(base, "mid.csv", "Option B", NULL, NULL, &err);
	assert_non_null(v);
	size_t len;
	char *text = text_of(v, &len);
	/* Columns: kind, name, value, then mid.csv's, then root.csv's. */
	assert_non_null(strstr(text, "kind,name,value,note,timing,start,x_source\r\n"));
	assert_non_null(strstr(text, "\r\nsetting,base,mid.csv,,,,\r\nsetting,title,Option B,,,,\r\n"));
	assert_non_null(strstr(text, "\r\n# input,leads,1000,,,,CRM report\r\n"));
	assert_non_null(strstr(text, "\r\n# benefit,Deals,leads * 25,,yearly,10,\r\n"));
	assert_non_null(strstr(text, "\r\n# cost,\"Set-up, \"\"phase 1\"\"\",50000,,once,0,Quote\r\n"));
	assert_non_null(strstr(text, "\r\n# remove,Support,,,,,\r\n"));
	assert_non_null(strstr(text, "\r\n# setting,horizon_years,6,,,,\r\n"));
	assert_non_null(strstr(text, "crmroi compare BASE FILE"));
	char *all = uncommented(text, v);
	put("b.csv", all);
	crm_scenario *sc = load("b.csv");
	only_placeholders(sc, 0);
	assert_string_equal(sc->settings.title, "Option B");
	assert_int_equal(sc->settings.horizon_years, 6);
	assert_int_equal(crm_scenario_find_input(sc, "leads"), 0);
	assert_string_equal(sc->lines[0].label, "Set-up, \"phase 1\"");
	crm_scenario_free(sc);
	free(all);
	free(text);
	crm_starter_free(v);
	crm_scenario_free(base);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_area),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_title_quoted),
		cmocka_unit_test(test_currency_sign),
		cmocka_unit_test(test_placeholder_changed),
		cmocka_unit_test(test_placeholder_same_number),
		cmocka_unit_test(test_placeholder_wrong_row),
		cmocka_unit_test(test_placeholder_inherited),
		cmocka_unit_test(test_starter_edited),
		cmocka_unit_test(test_variant_of_starter),
		cmocka_unit_test(test_variant_of_chain),
	};
	crm_init();
	return cmocka_run_group_tests(tests, setup, teardown);
}
