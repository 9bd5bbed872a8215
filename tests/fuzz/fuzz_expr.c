/*
 * fuzz_expr.c - the formula compiler and evaluator on arbitrary text. Names
 * a to h (single letters) are inputs 0 to 7; every other name is unknown.
 * A compiled formula is evaluated in a few periods with awkward input values
 * (0, negative, huge, NaN) and its dependency lists are read. A formula that
 * does not use time is also evaluated at many points at once
 * (crm_expr_eval_n), which must give, point by point, what crm_expr_eval
 * gives: the same bits, or NaN for NaN. Each text is compiled twice: with a
 * decimal point and with a decimal comma (';' between arguments).
 */
#include "fuzz.h"

#include <math.h>
#include <stdlib.h>

#include "crmroi/crmroi.h"

#define NVARS 8

static int lookup(void *ctx, const char *name, size_t len)
{
	(void)ctx;
	if (len == 1 && name[0] >= 'a' && name[0] < 'a' + NVARS)
		return name[0] - 'a';
	return -1;
}

static void check(const char *src, crm_decimal dec)
{
	static const double vals[NVARS] = { 0, 1, -1, 2.385, 1e308, -1e-308, 0.5, 12 };
	double cur[NVARS], prev[NVARS];
	crm_error err;

	crm_error_clear(&err);
	crm_expr *e = crm_expr_compile_in(src, dec, lookup, NULL, &err);
	if (!e)
		return;
	for (int i = 0; i < NVARS; i++) {
		cur[i] = vals[i];
		prev[i] = i == 3 ? NAN : 0;
	}
	for (int p = 1; p <= 30; p += 7) {
		crm_expr_env env = { cur, prev, (p - 1) / 12 + 1, p };
		double v = crm_expr_eval(e, &env);
		(void)v;
	}
	const int *deps;
	size_t n = crm_expr_deps(e, &deps);
	for (size_t i = 0; i < n; i++)
		if (deps[i] < 0 || deps[i] >= NVARS)
			abort();
	n = crm_expr_prev_deps(e, &deps);
	for (size_t i = 0; i < n; i++)
		if (deps[i] < 0 || deps[i] >= NVARS)
			abort();
	if (crm_expr_kind(e) == CRM_VALUE_SERIES) {
		const double *sv;
		size_t k = crm_expr_series(e, &sv);
		for (size_t i = 0; i < k; i++)
			(void)sv[i];
	}
	if (!crm_expr_uses_time(e)) {
		enum { PTS = 9 };
		double cols[NVARS][PTS], out[PTS];
		const double *col[NVARS];
		double *stack = malloc(crm_expr_stack_depth(e) * PTS * sizeof *stack);
		if (stack) {
			/* Point j takes every input's value rotated by j, and point 8 a NaN in input 0. */
			for (int i = 0; i < NVARS; i++) {
				for (int j = 0; j < PTS; j++)
					cols[i][j] = j == 8 && i == 0 ? NAN : vals[(i + j) % NVARS];
				col[i] = cols[i];
			}
			crm_expr_eval_n(e, col, PTS, stack, out);
			for (int j = 0; j < PTS; j++) {
				double at[NVARS];
				for (int i = 0; i < NVARS; i++)
					at[i] = cols[i][j];
				crm_expr_env env = { at, prev, 1, 1 };
				double want = crm_expr_eval(e, &env);
				if (isnan(want) ? !isnan(out[j]) : memcmp(&want, &out[j], sizeof want) != 0)
					abort();
			}
			free(stack);
		}
	}
	crm_expr_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src = malloc(size + 1);

	if (!src)
		return 0;
	memcpy(src, data, size);
	src[size] = '\0';
	check(src, CRM_DECIMAL_POINT);
	check(src, CRM_DECIMAL_COMMA);
	free(src);
	return 0;
}
