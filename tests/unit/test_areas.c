/*
 * test_areas.c - the library of benefit areas (crmroi/areas.h): each area
 * is whole (its formulas use its own inputs, every input is used, names and
 * labels are unique in the library, values lie in their ranges), and it
 * agrees with the example files scenarios/areas/NAME.csv, which hold the same
 * drivers and benefits with costs of their own: the same inputs in the same
 * order at the same values, ranges and distributions, and the same benefit
 * lines (label, formula, timing, months after the area's go-live, ramp,
 * curve, risk, class), and no example file without its area.
 *
 * The expected values are the example files themselves, read by the
 * scenario loader; nothing here is computed.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>

/* An input of area a by name, for the formula compiler: its index, or -1. */
static int lookup(void *ctx, const char *name, size_t len)
{
	const crm_area *a = ctx;
	for (size_t i = 0; i < a->ninputs; i++)
		if (strlen(a->inputs[i].name) == len && !strncmp(a->inputs[i].name, name, len))
			return (int)i;
	return -1;
}

static double number(const char *text)
{
	double v;
	char why[256];
	if (crm_parse_number(text, &v, NULL, why, sizeof why) != CRM_OK) {
		print_error("'%s': %s\n", text, why);
		fail();
	}
	return v;
}

/* Whether a and b are the same text once blanks are left out. */
static int same_text(const char *a, const char *b)
{
	for (;; a++, b++) {
		while (isspace((unsigned char)*a))
			a++;
		while (isspace((unsigned char)*b))
			b++;
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
	}
}

static void test_lookup(void **state)
{
	(void)state;
	assert_int_equal(crm_areas_count(), 11);
	assert_non_null(crm_areas_find("field_service"));
	assert_string_equal(crm_areas_find("field_service")->name, "field_service");
	assert_null(crm_areas_find("field"));
	assert_null(crm_areas_find("Field_service"));
	assert_null(crm_areas_at(crm_areas_count()));
	for (size_t i = 0; i < crm_areas_count(); i++)
		assert_ptr_equal(crm_areas_find(crm_areas_at(i)->name), crm_areas_at(i));
}

/* Every area is a documented benefit area of crmroi-scenario(5), and the reverse. */
static void test_documented(void **state)
{
	static const char *const documented[] = { "lead_management", "opportunity_management",
		"configurator", "proposal_generation", "team_selling", "campaign_management",
		"call_center", "self_service", "field_service", "ecommerce", "partner_channel" };
	(void)state;
	for (size_t i = 0; i < crm_areas_count(); i++)
		assert_true(crm_area_is_standard(CRM_BENEFIT, crm_areas_at(i)->name));
	for (size_t i = 0; i < sizeof documented / sizeof *documented; i++)
		assert_non_null(crm_areas_find(documented[i]));
}

static void test_whole(void **state)
{
	(void)state;
	for (size_t i = 0; i < crm_areas_count(); i++) {
		const crm_area *a = crm_areas_at(i);
		unsigned used = 0;
		assert_true(a->ninputs > 0 && a->ninputs < 32);
		assert_true(a->nbenefits > 0);
		assert_true(*a->words && *a->title && *a->models);
		assert_true(number(a->setup) > 0);
		for (size_t k = 0; k < a->ninputs; k++) {
			const crm_area_input *in = &a->inputs[k];
			assert_true(*in->unit && *in->owner && *in->note);
			assert_true((in->low == NULL) == (in->high == NULL));
			if (in->low) {
				assert_true(number(in->low) <= number(in->value));
				assert_true(number(in->value) <= number(in->high));
			}
		}
		for (size_t b = 0; b < a->nbenefits; b++) {
			const crm_area_benefit *ben = &a->benefits[b];
			crm_error err;
			crm_error_clear(&err);
			crm_expr *e = crm_expr_compile(ben->value, lookup, (void *)a, &err);
			if (!e) {
				print_error("%s: %s: %s\n", a->name, ben->label, err.msg);
				fail();
			}
			const int *deps;
			size_t nd = crm_expr_deps(e, &deps);
			for (size_t d = 0; d < nd; d++)
				used |= 1u << deps[d];
			crm_expr_free(e);
			assert_true(crm_class_parse(ben->cls) >= 0);
			assert_true(!strcmp(ben->curve, "linear") || !strcmp(ben->curve, "scurve"));
			assert_true(ben->lag >= 0 && ben->ramp >= 0);
		}
		/* Every driver is used by a benefit of its area. */
		assert_int_equal(used, (1u << a->ninputs) - 1);
	}
}

/* Input names and benefit labels are unique in the library: any areas make one scenario. */
static void test_unique(void **state)
{
	(void)state;
	for (size_t i = 0; i < crm_areas_count(); i++)
		for (size_t j = i; j < crm_areas_count(); j++) {
			const crm_area *a = crm_areas_at(i), *b = crm_areas_at(j);
			if (i != j)
				assert_string_not_equal(a->name, b->name);
			for (size_t x = 0; x < a->ninputs; x++)
				for (size_t y = i == j ? x + 1 : 0; y < b->ninputs; y++)
					assert_string_not_equal(a->inputs[x].name, b->inputs[y].name);
			for (size_t x = 0; x < a->nbenefits; x++)
				for (size_t y = i == j ? x + 1 : 0; y < b->nbenefits; y++)
					assert_string_not_equal(a->benefits[x].label, b->benefits[y].label);
		}
}

/* The example file of area a agrees with the library on every figure and formula. */
static void agree(const crm_area *a)
{
	char path[512];
	crm_error err;

	snprintf(path, sizeof path, "%s/scenarios/areas/%s.csv", TEST_SRCDIR, a->name);
	/* Which file a failure below is about. */
	print_message("scenarios/areas/%s.csv\n", a->name);
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_load(path, &err);
	if (!sc) {
		print_error("%s:%d: %s\n", err.file, err.line, err.msg);
		fail();
	}
	assert_string_equal(sc->settings.title, a->title);
	assert_int_equal(sc->ninputs, a->ninputs);
	for (size_t k = 0; k < a->ninputs; k++) {
		const crm_area_input *in = &a->inputs[k];
		const crm_input *got = &sc->inputs[k];
		assert_string_equal(got->name, in->name);
		assert_int_equal(crm_expr_kind(got->value), CRM_VALUE_NUMBER);
		assert_close(crm_expr_number(got->value), number(in->value), 0, 0);
		assert_int_equal(got->range.given, in->low != NULL);
		if (in->low) {
			assert_close(got->range.low, number(in->low), 0, 0);
			assert_close(got->range.high, number(in->high), 0, 0);
			crm_dist want = in->dist ? CRM_DIST_NONE : CRM_DIST_TRIANGULAR;
			if (in->dist)
				for (int d = CRM_DIST_FIXED; d <= CRM_DIST_LOGNORMAL; d++)
					if (!strcmp(crm_dist_name((crm_dist)d), in->dist))
						want = (crm_dist)d;
			/* An empty dist column is the triangular default. */
			crm_dist dist = got->range.dist == CRM_DIST_NONE ? CRM_DIST_TRIANGULAR
									: got->range.dist;
			assert_int_equal(dist, want);
		}
	}
	size_t nben = 0;
	int first = -1;
	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].kind == CRM_BENEFIT) {
			nben++;
			if (first < 0 || sc->lines[l].start < first)
				first = sc->lines[l].start;
		}
	assert_int_equal(nben, a->nbenefits);
	for (size_t l = 0, b = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		if (ln->kind != CRM_BENEFIT)
			continue;
		const crm_area_benefit *want = &a->benefits[b++];
		assert_string_equal(ln->label, want->label);
		if (!same_text(ln->value_text, want->value)) {
			print_error("%s: '%s' in the file, '%s' in the library\n", ln->label,
				    ln->value_text, want->value);
			fail();
		}
		assert_string_equal(ln->area, a->name);
		assert_int_equal(ln->timing, CRM_YEARLY);
		/* Months after the area's go-live: its first benefit's start. */
		assert_int_equal(ln->start - first, want->lag);
		assert_int_equal(ln->ramp, want->ramp);
		assert_string_equal(crm_curve_name(ln->curve), want->curve);
		assert_int_equal(ln->risk_given, want->risk != NULL);
		if (want->risk)
			assert_close(ln->risk, number(want->risk), 0, 0);
		assert_string_equal(crm_class_name(ln->cls), want->cls);
		/* Owners and metrics where the file gives them. */
		if (*ln->owner)
			assert_string_equal(ln->owner, want->owner);
		if (*ln->metric)
			assert_string_equal(ln->metric, want->metric);
	}
	crm_scenario_free(sc);
}

static void test_example_files_agree(void **state)
{
	(void)state;
	for (size_t i = 0; i < crm_areas_count(); i++)
		agree(crm_areas_at(i));
}

/* Every example file is one area's: none of them is left without its library entry. */
static void test_no_file_without_area(void **state)
{
	char path[512];
	size_t n = 0;
	struct dirent *e;

	(void)state;
	snprintf(path, sizeof path, "%s/scenarios/areas", TEST_SRCDIR);
	DIR *d = opendir(path);
	assert_non_null(d);
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".csv"))
			continue;
		char name[256];
		snprintf(name, sizeof name, "%.*s", (int)(len - 4), e->d_name);
		if (!crm_areas_find(name)) {
			print_error("scenarios/areas/%s has no area in the library\n", e->d_name);
			fail();
		}
		n++;
	}
	closedir(d);
	assert_int_equal(n, crm_areas_count());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_documented),
		cmocka_unit_test(test_whole),
		cmocka_unit_test(test_unique),
		cmocka_unit_test(test_example_files_agree),
		cmocka_unit_test(test_no_file_without_area),
	};
	crm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
