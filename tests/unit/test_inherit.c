/*
 * test_inherit.c - scenario inheritance: overrides, removals, chains,
 * cycles, and errors located in the file where the bad row is.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static void put(const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static crm_scenario *load(const char *name, crm_error *err)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	crm_error_clear(err);
	return crm_scenario_load(path, err);
}

static int setup(void **state)
{
	(void)state;
	char sub[300];
	snprintf(dir, sizeof dir, "/tmp/crmroi-inherit-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(sub, sizeof sub, "%s/variants", dir);
	return mkdir(sub, 0700);
}

static int teardown(void **state)
{
	(void)state;
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *base_text =
	"kind,name,value,timing,start,x_source\n"
	"setting,title,Base\n"
	"setting,horizon_years,3\n"
	"input,leads,1000,,,CRM report\n"
	"input,uplift,2%\n"
	"cost,Licences,12000,yearly\n"
	"cost,Set-up,50000,once,0\n"
	"benefit,Deals,leads * uplift * 2500,yearly,4\n";

static void test_override_add_remove(void **state)
{
	(void)state;
	crm_error err;
	put("base.csv", base_text);
	put("child.csv", "kind,name,value,timing\n"
		"setting,base,base.csv\nsetting,title,Child\n"
		"input,leads,1500\nremove,Set-up\ncost,Pilot,20000,once\n");
	crm_scenario *sc = load("child.csv", &err);
	if (!sc) {
		print_error("%s:%d: %s\n", err.file, err.line, err.msg);
		fail();
	}
	assert_string_equal(sc->settings.title, "Child");
	assert_int_equal(sc->settings.horizon_years, 3);
	/* The child's input replaces the base's, in the base's position. */
	assert_int_equal(sc->ninputs, 2);
	assert_string_equal(sc->inputs[0].name, "leads");
	assert_close(crm_expr_number(sc->inputs[0].value), 1500, 0, 0);
	assert_contains(sc->inputs[0].loc.file, "child.csv");
	assert_int_equal(sc->inputs[0].loc.line, 4);
	assert_contains(sc->inputs[1].loc.file, "base.csv");
	/* Set-up removed, Pilot added after the inherited lines. */
	assert_int_equal(sc->nlines, 3);
	assert_string_equal(sc->lines[0].label, "Licences");
	assert_string_equal(sc->lines[1].label, "Deals");
	assert_string_equal(sc->lines[2].label, "Pilot");
	assert_int_equal(sc->lines[1].start, 4);
	/* x_ columns of a base are kept; the child's own row has none. */
	assert_int_equal(sc->nextra, 1);
	assert_string_equal(sc->inputs[1].extra[0], "");
	assert_int_equal(sc->nfiles, 2);
	/* Origins: remove first (it happens while merging), then every row. */
	int saw_remove = 0, saw_replace = 0;
	for (size_t i = 0; i < sc->norigins; i++) {
		const crm_origin *o = &sc->origins[i];
		if (!strcmp(o->kind, "remove")) {
			saw_remove = 1;
			assert_string_equal(o->name, "Set-up");
			assert_int_equal(o->replaced.line, 7);
		}
		if (!strcmp(o->kind, "input") && !strcmp(o->name, "leads")) {
			saw_replace = 1;
			assert_int_equal(o->replaced.line, 4);
		}
	}
	assert_true(saw_remove && saw_replace);
	crm_scenario_free(sc);
}

static void test_chain_and_relative_paths(void **state)
{
	(void)state;
	crm_error err;
	put("base.csv", base_text);
	put("variants/phased.csv", "kind,name,value,timing,start\n"
		"setting,base,../base.csv\nbenefit,Deals,leads * uplift * 2500,yearly,7\n");
	put("variants/phased_eu.csv", "kind,name,value\n"
		"setting,base,phased.csv\nsetting,currency,EUR\ninput,uplift,3%\n");
	crm_scenario *sc = load("variants/phased_eu.csv", &err);
	if (!sc) {
		print_error("%s:%d: %s\n", err.file, err.line, err.msg);
		fail();
	}
	assert_int_equal(sc->nfiles, 3);
	assert_string_equal(sc->settings.currency, "EUR");
	assert_close(crm_expr_number(sc->inputs[1].value), 0.03, 1e-15, 0);
	assert_int_equal(sc->lines[2].start, 7);                 /* from the middle file */
	assert_contains(sc->lines[2].loc.file, "variants/phased.csv");
	assert_string_equal(sc->settings.title, "Base");          /* from the root */
	crm_scenario_free(sc);
}

static void test_cycles(void **state)
{
	(void)state;
	crm_error err;
	put("a.csv", "kind,name,value\nsetting,base,b.csv\ncost,A,1\n");
	put("b.csv", "kind,name,value\nsetting,base,c.csv\ncost,B,1\n");
	put("c.csv", "kind,name,value\nsetting,base,a.csv\ncost,C,1\n");
	assert_null(load("a.csv", &err));
	assert_int_equal(err.status, CRM_EDATA);
	assert_contains(err.msg, "inherit from each other in a circle");
	assert_contains(err.msg, "a.csv -> ");
	assert_contains(err.msg, "b.csv -> ");
	assert_contains(err.file, "c.csv");
	assert_int_equal(err.line, 2);
	put("self.csv", "kind,name,value\nsetting,base,self.csv\n");
	assert_null(load("self.csv", &err));
	assert_contains(err.msg, "circle");
}

static void test_errors_in_base_file(void **state)
{
	(void)state;
	crm_error err;
	put("badbase.csv", "kind,name,value\ninput,leads,\"1,000\"\ncost,A,1\n");
	put("child2.csv", "kind,name,value\nsetting,base,badbase.csv\ninput,other,1\n");
	assert_null(load("child2.csv", &err));
	assert_contains(err.file, "badbase.csv");
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 3);
	assert_contains(err.msg, "thousands separators");
	/* A bad row of the child overriding a good base row is reported in the child. */
	put("base.csv", base_text);
	put("child3.csv", "kind,name,value\nsetting,base,base.csv\ninput,uplift,2,5%\n");
	assert_null(load("child3.csv", &err));
	assert_contains(err.file, "child3.csv");
	assert_int_equal(err.line, 3);
	/* A formula in the base using an input the child removed: located in the base. */
	put("child4.csv", "kind,name,value\nsetting,base,base.csv\nremove,uplift\n");
	assert_null(load("child4.csv", &err));
	assert_contains(err.file, "base.csv");
	assert_int_equal(err.line, 8);
	assert_contains(err.msg, "unknown input 'uplift'");
}

static void test_bad_inheritance_rows(void **state)
{
	(void)state;
	crm_error err;
	put("base.csv", base_text);
	put("e1.csv", "kind,name,value\nsetting,base,nowhere.csv\n");
	assert_null(load("e1.csv", &err));
	assert_contains(err.msg, "base scenario 'nowhere.csv' cannot be opened");
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 3);
	put("e2.csv", "kind,name,value\nsetting,base,base.csv\nremove,Nothing\n");
	assert_null(load("e2.csv", &err));
	assert_contains(err.msg, "nothing named 'Nothing' is inherited");
	assert_int_equal(err.line, 3);
	put("e3.csv", "kind,name,value\nremove,Licences\ncost,A,1\n");
	assert_null(load("e3.csv", &err));
	assert_contains(err.msg, "nothing named 'Licences' is inherited");
	put("e4.csv", "kind,name,value\nsetting,base,base.csv\nsetting,base,base.csv\n");
	assert_null(load("e4.csv", &err));
	assert_contains(err.msg, "setting 'base' is given twice");
	put("e5.csv", "kind,name,value\nsetting,base,\n");
	assert_null(load("e5.csv", &err));
	assert_contains(err.msg, "needs the path of a base scenario");
	put("e6.csv", "kind,name,value,timing\nsetting,base,base.csv\nremove,Set-up,5\n");
	assert_null(load("e6.csv", &err));
	assert_contains(err.msg, "leave value empty");
	/* A duplicate within one file is still an error, not an override. */
	put("e7.csv", "kind,name,value\nsetting,base,base.csv\ninput,x,1\ninput,x,2\n");
	assert_null(load("e7.csv", &err));
	assert_contains(err.msg, "defined twice");
}

/* "./" n times, then name: a long path to an ordinary file. */
static char *long_path(size_t n, const char *name)
{
	char *p = malloc(2 * n + strlen(name) + 1);
	assert_non_null(p);
	for (size_t i = 0; i < n; i++)
		memcpy(p + 2 * i, "./", 2);
	strcpy(p + 2 * n, name);
	return p;
}

/*
 * Nothing is cut: a base path of 1,500 characters is followed whole (it was
 * cut at 1,023, and the file at the cut path loaded), a circle through a
 * 700-character path is reported (its message overflowed a stack buffer),
 * and a key past 511 bytes still tells two rows apart.
 */
static void test_no_truncation(void **state)
{
	(void)state;
	crm_error err;
	put("base.csv", base_text);
	char *path = long_path(750, "base.csv");
	size_t n = strlen(path) + 100;
	char *text = malloc(n);
	assert_non_null(text);
	snprintf(text, n, "kind,name,value\nsetting,base,%s\ncost,Extra,1\n", path);
	put("longbase.csv", text);
	crm_scenario *sc = load("longbase.csv", &err);
	if (!sc) {
		print_error("%d:%d: %s\n", err.line, err.col, err.msg);
		fail();
	}
	assert_string_equal(sc->settings.title, "Base");
	assert_int_equal(sc->nlines, 4);
	crm_scenario_free(sc);
	free(path);

	path = long_path(350, "circle.csv");
	snprintf(text, n, "kind,name,value\nsetting,base,%s\ncost,Extra,1\n", path);
	put("circle.csv", text);
	assert_null(load("circle.csv", &err));
	assert_int_equal(err.status, CRM_EDATA);
	assert_contains(err.msg, "inherit from each other in a circle");
	free(path);
	free(text);

	/* Two labels equal in their first 600 bytes: the child adds one, replaces none. */
	char label[700];
	memset(label, 'L', 600);
	strcpy(label + 600, " (base)");
	size_t m = 2 * sizeof label + 200;
	char *b = malloc(m), *c = malloc(m);
	assert_non_null(b);
	assert_non_null(c);
	snprintf(b, m, "kind,name,value\ncost,%s,100\n", label);
	put("keybase.csv", b);
	strcpy(label + 600, " (child)");
	snprintf(c, m, "kind,name,value\nsetting,base,keybase.csv\ncost,%s,200\n", label);
	put("keychild.csv", c);
	sc = load("keychild.csv", &err);
	assert_non_null(sc);
	assert_int_equal(sc->nlines, 2);
	crm_scenario_free(sc);
	free(b);
	free(c);
}

/* A base that is not a regular file is a file problem (CRM_EIO, exit 3) at the row naming it. */
static void test_base_not_a_file(void **state)
{
	(void)state;
	crm_error err;
	put("dirbase.csv", "kind,name,value\nsetting,base,variants\ncost,A,1\n");
	assert_null(load("dirbase.csv", &err));
	assert_int_equal(err.status, CRM_EIO);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 3);
	assert_contains(err.msg, "a directory");
	put("devbase.csv", "kind,name,value\nsetting,base,/dev/zero\ncost,A,1\n");
	assert_null(load("devbase.csv", &err));
	assert_int_equal(err.status, CRM_EIO);
	assert_contains(err.msg, "a device");
	/* A base that does not exist is one too. */
	put("nobase.csv", "kind,name,value\nsetting,base,nowhere.csv\n");
	assert_null(load("nobase.csv", &err));
	assert_int_equal(err.status, CRM_EIO);
}

/* Checking lists errors in a base and in the file, and goes on past a base that cannot be read. */
static void test_check_lists_base_errors(void **state)
{
	(void)state;
	crm_warnings errors = { NULL, 0, 0 };
	size_t unlisted;
	char path[512];
	put("cbase.csv", "kind,name,value\ninput,leads,\"1,000\"\ncost,A,1\n");
	put("cchild.csv", "kind,name,value\nsetting,base,cbase.csv\ncots,B,1\n");
	snprintf(path, sizeof path, "%s/cchild.csv", dir);
	assert_null(crm_scenario_check(path, &errors, &unlisted, NULL));
	/* The file checked first, then its base. */
	assert_int_equal(errors.count, 2);
	assert_contains(errors.items[0].file, "cchild.csv");
	assert_contains(errors.items[0].msg, "unknown kind 'cots'");
	assert_contains(errors.items[1].file, "cbase.csv");
	assert_int_equal(errors.items[1].line, 2);
	crm_warnings_free(&errors);
	put("cdir.csv", "kind,name,value\nsetting,base,variants\ncots,B,1\n");
	snprintf(path, sizeof path, "%s/cdir.csv", dir);
	assert_null(crm_scenario_check(path, &errors, &unlisted, NULL));
	assert_int_equal(errors.count, 2);
	assert_int_equal(errors.items[0].status, CRM_EIO);
	assert_int_equal(errors.items[1].status, CRM_EDATA);
	crm_warnings_free(&errors);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_override_add_remove),
		cmocka_unit_test(test_chain_and_relative_paths),
		cmocka_unit_test(test_cycles),
		cmocka_unit_test(test_errors_in_base_file),
		cmocka_unit_test(test_bad_inheritance_rows),
		cmocka_unit_test(test_no_truncation),
		cmocka_unit_test(test_base_not_a_file),
		cmocka_unit_test(test_check_lists_base_errors),
	};
	crm_init();
	return cmocka_run_group_tests_name("inherit", tests, setup, teardown);
}
