/*
 * sobol.c - variance-based global sensitivity: first-order and total Sobol
 * indices of NPV.
 *
 * Saltelli's scheme: two n x k matrices A and B from the two halves of a 2k-
 * dimensional quasi-random sequence (GSL's Sobol generator goes to 40
 * dimensions; Halton, to 1229, takes over beyond 20 uncertain values), and for
 * each value i the matrix A with column i taken from B. Estimators:
 *   S_i  = mean(f(B) (f(A_B^i) - f(A))) / V        (Saltelli et al. 2010)
 *   ST_i = mean((f(A) - f(A_B^i))^2) / (2 V)       (Jansen 1999)
 * with V the variance of f over A and B together, and 95% intervals from
 * CRM_SOBOL_BOOTSTRAP bootstrap resamples of the n rows. Values are drawn
 * independently: correlations are ignored, as these estimators assume.
 */
#include "crmroi/simulate.h"

#include <gsl/gsl_qrng.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crmroi/model.h"

#define SOBOL_MAX_DIM 40
#define HALTON_MAX_DIM 1229
#define U_CLAMP 1e-12

void crm_sobol_result_free(crm_sobol_result *r)
{
	if (!r)
		return;
	free(r->items);
	free(r->first);
	free(r->first_lo);
	free(r->first_hi);
	free(r->total);
	free(r->total_lo);
	free(r->total_hi);
	memset(r, 0, sizeof *r);
}

/* NPV with every item at the quantile given by row u. 0, or -1 when undefined. */
static int npv_at(crm_model *m, crm_cashflow *cf, const crm_uncertain *items, size_t k,
		  const double *u, double *out)
{
	crm_error e;

	for (size_t t = 0; t < k; t++) {
		double p = u[t] < U_CLAMP ? U_CLAMP : u[t] > 1 - U_CLAMP ? 1 - U_CLAMP : u[t];
		double x = crm_uncertain_quantile(&items[t], p);
		switch (items[t].kind) {
		case CRM_ITEM_INPUT: crm_model_override(m, (size_t)items[t].index, x); break;
		case CRM_ITEM_LINE: crm_model_override_line(m, (size_t)items[t].index, x); break;
		case CRM_ITEM_EVENT: crm_model_set_occurs(m, (size_t)items[t].index, x > 0.5); break;
		}
	}
	crm_summary s;
	crm_status st = crm_model_summary(m, cf, 0, 0, &s, &e);
	if (st == CRM_OK) {
		*out = s.npv;
		return 0;
	}
	if (st != CRM_EUSAGE || crm_model_eval(m, cf, &e) != CRM_OK)
		return -1;
	*out = cf->cumulative_pv[cf->nperiods];
	return 0;
}

/* Estimates from rows idx[0..n-1]. */
static void estimate(const double *fa, const double *fb, const double *fab, size_t n, size_t k,
		     const size_t *idx, double *s, double *st, double *v, double *scratch)
{
	for (size_t r = 0; r < n; r++) {
		scratch[r] = fa[idx[r]];
		scratch[n + r] = fb[idx[r]];
	}
	*v = gsl_stats_variance(scratch, 1, 2 * n);
	for (size_t i = 0; i < k; i++) {
		double a = 0, b = 0;
		const double *fi = fab + i * n;
		for (size_t r = 0; r < n; r++) {
			size_t j = idx[r];
			a += fb[j] * (fi[j] - fa[j]);
			b += (fa[j] - fi[j]) * (fa[j] - fi[j]);
		}
		s[i] = *v > 0 ? a / (double)n / *v : NAN;
		st[i] = *v > 0 ? b / (2.0 * (double)n) / *v : NAN;
	}
}

crm_status crm_sobol(const crm_scenario *sc, size_t n, uint64_t seed, crm_sobol_result *res,
		     crm_error *err)
{
	crm_model *m = NULL;
	crm_cashflow *cf = NULL;
	gsl_qrng *q = NULL;
	gsl_rng *rng = NULL;
	double *a = NULL, *b = NULL, *row = NULL, *fa = NULL, *fb = NULL, *fab = NULL;
	double *bs = NULL, *bst = NULL, *scratch = NULL, *boot_s = NULL, *boot_st = NULL;
	size_t *idx = NULL;
	crm_status st;
	size_t k;

	memset(res, 0, sizeof *res);
	res->n = n;
	if ((st = crm_uncertain_list(sc, &res->items, &res->nitems, err)) != CRM_OK)
		return st;
	k = res->nitems;
	if (k == 0) {
		snprintf(res->note, sizeof res->note, "no uncertain values: give inputs low and high");
		return CRM_OK;
	}
	if (2 * k > HALTON_MAX_DIM) {
		snprintf(res->note, sizeof res->note, "more uncertain values (%zu) than quasi-random "
			 "sequences have dimensions for", k);
		return CRM_OK;
	}
	res->sequence = 2 * k <= SOBOL_MAX_DIM ? "sobol" : "halton";
	q = gsl_qrng_alloc(2 * k <= SOBOL_MAX_DIM ? gsl_qrng_sobol : gsl_qrng_halton, (unsigned)(2 * k));
	rng = gsl_rng_alloc(gsl_rng_mt19937);
	m = crm_model_new(sc, err);
	cf = m ? crm_cashflow_new(m) : NULL;
	a = malloc(n * k * sizeof *a);
	b = malloc(n * k * sizeof *b);
	row = malloc((2 * k + 1) * sizeof *row);
	fa = malloc(n * sizeof *fa);
	fb = malloc(n * sizeof *fb);
	fab = malloc(n * k * sizeof *fab);
	bs = malloc(k * sizeof *bs);
	bst = malloc(k * sizeof *bst);
	scratch = malloc(2 * n * sizeof *scratch);
	boot_s = malloc(CRM_SOBOL_BOOTSTRAP * k * sizeof *boot_s);
	boot_st = malloc(CRM_SOBOL_BOOTSTRAP * k * sizeof *boot_st);
	idx = malloc(n * sizeof *idx);
	res->first = malloc(k * sizeof(double));
	res->first_lo = malloc(k * sizeof(double));
	res->first_hi = malloc(k * sizeof(double));
	res->total = malloc(k * sizeof(double));
	res->total_lo = malloc(k * sizeof(double));
	res->total_hi = malloc(k * sizeof(double));
	if (!m) {
		st = err ? err->status : CRM_ENOMEM;
		goto done;
	}
	if (!q || !rng || !cf || !a || !b || !row || !fa || !fb || !fab || !bs || !bst || !scratch ||
	    !boot_s || !boot_st || !idx || !res->first || !res->first_lo || !res->first_hi ||
	    !res->total || !res->total_lo || !res->total_hi) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory for Sobol indices");
		goto done;
	}
	cf->keep_inputs = 0;
	cf->keep_amounts = 0;
	/* The first point of a Sobol sequence is all zeros: skip it. */
	gsl_qrng_get(q, row);
	for (size_t r = 0; r < n; r++) {
		gsl_qrng_get(q, row);
		memcpy(a + r * k, row, k * sizeof *row);
		memcpy(b + r * k, row + k, k * sizeof *row);
	}
	for (size_t r = 0; r < n; r++) {
		if (npv_at(m, cf, res->items, k, a + r * k, &fa[r]) != 0 ||
		    npv_at(m, cf, res->items, k, b + r * k, &fb[r]) != 0)
			goto undefined;
		for (size_t i = 0; i < k; i++) {
			memcpy(row, a + r * k, k * sizeof *row);
			row[i] = b[r * k + i];
			if (npv_at(m, cf, res->items, k, row, &fab[i * n + r]) != 0)
				goto undefined;
		}
	}
	for (size_t r = 0; r < n; r++)
		idx[r] = r;
	estimate(fa, fb, fab, n, k, idx, res->first, res->total, &res->variance, scratch);
	if (!(res->variance > 0)) {
		snprintf(res->note, sizeof res->note, "NPV does not vary over the sample, so its "
			 "variance has nothing to apportion");
		st = CRM_OK;
		goto done;
	}
	gsl_rng_set(rng, (unsigned long)(seed ^ 0x5DEECE66DULL));
	for (size_t rep = 0; rep < CRM_SOBOL_BOOTSTRAP; rep++) {
		double v;
		for (size_t r = 0; r < n; r++)
			idx[r] = gsl_rng_uniform_int(rng, n);
		estimate(fa, fb, fab, n, k, idx, bs, bst, &v, scratch);
		for (size_t i = 0; i < k; i++) {
			boot_s[i * CRM_SOBOL_BOOTSTRAP + rep] = bs[i];
			boot_st[i * CRM_SOBOL_BOOTSTRAP + rep] = bst[i];
		}
	}
	for (size_t i = 0; i < k; i++) {
		double *s = boot_s + i * CRM_SOBOL_BOOTSTRAP, *t = boot_st + i * CRM_SOBOL_BOOTSTRAP;
		gsl_sort(s, 1, CRM_SOBOL_BOOTSTRAP);
		gsl_sort(t, 1, CRM_SOBOL_BOOTSTRAP);
		res->first_lo[i] = gsl_stats_quantile_from_sorted_data(s, 1, CRM_SOBOL_BOOTSTRAP, 0.025);
		res->first_hi[i] = gsl_stats_quantile_from_sorted_data(s, 1, CRM_SOBOL_BOOTSTRAP, 0.975);
		res->total_lo[i] = gsl_stats_quantile_from_sorted_data(t, 1, CRM_SOBOL_BOOTSTRAP, 0.025);
		res->total_hi[i] = gsl_stats_quantile_from_sorted_data(t, 1, CRM_SOBOL_BOOTSTRAP, 0.975);
	}
	res->ok = 1;
	st = CRM_OK;
	goto done;
undefined:
	snprintf(res->note, sizeof res->note, "NPV is not a number at some sampled points (a "
		 "division by zero), so the indices cannot be estimated");
	st = CRM_OK;
done:
	gsl_qrng_free(q);
	gsl_rng_free(rng);
	crm_cashflow_free(cf);
	crm_model_free(m);
	free(a);
	free(b);
	free(row);
	free(fa);
	free(fb);
	free(fab);
	free(bs);
	free(bst);
	free(scratch);
	free(boot_s);
	free(boot_st);
	free(idx);
	return st;
}
