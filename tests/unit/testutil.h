/*
 * testutil.h - helpers shared by the cmocka unit tests.
 *
 * assert_close compares doubles with a relative and an absolute tolerance
 * (|got - want| <= rel * |want| + abs), treats NaN as equal only to NaN, and
 * prints both values in full when they differ. cmocka 1.1's
 * assert_float_equal compares as float, which is too coarse for money.
 */
#ifndef CRMROI_TESTUTIL_H
#define CRMROI_TESTUTIL_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "crmroi/crmroi.h"

/* The default tolerance for metrics: the 1e-9 relative the issue asks for. */
#define REL 1e-9

static inline void close_check(double got, double want, double rel, double abs_tol,
			       const char *expr, const char *file, int line)
{
	int ok;

	if (isnan(want))
		ok = isnan(got);
	else
		ok = fabs(got - want) <= rel * fabs(want) + abs_tol;
	if (!ok) {
		print_error("%s = %.17g, expected %.17g (rel %g, abs %g, off by %.3g)\n", expr, got,
			    want, rel, abs_tol, got - want);
		_fail(file, line);
	}
}

#define assert_close(got, want, rel, abs_tol) \
	close_check((got), (want), (rel), (abs_tol), #got, __FILE__, __LINE__)

/* Assert that haystack contains needle, printing both when it does not. */
#define assert_contains(haystack, needle) do { \
		const char *h_ = (haystack), *n_ = (needle); \
		if (!strstr(h_, n_)) { \
			print_error("'%s'\n  does not contain '%s'\n", h_, n_); \
			_fail(__FILE__, __LINE__); \
		} \
	} while (0)

/* An input's distribution from a range, as the loader makes it. */
static inline crm_uncertain dist_of(crm_dist d, double low, double value, double high)
{
	crm_range r;
	crm_uncertain u;
	memset(&r, 0, sizeof r);
	r.given = 1;
	r.low = low;
	r.high = high;
	r.dist = d;
	crm_uncertain_init(&u, CRM_ITEM_INPUT, 0, "x", &r, value);
	return u;
}

/* Load a scenario from a string; fails the test on error. */
static inline crm_scenario *load_text(const char *text)
{
	crm_error err;
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_parse(text, strlen(text), "test.csv", 0, &err);
	if (!sc) {
		print_error("load failed: %d:%d: %s\n", err.line, err.col, err.msg);
		fail();
	}
	return sc;
}

#endif
