/*
 * dated.c - calendar arithmetic and XNPV/XIRR on dated flows.
 *
 * XNPV as a function of u = ln(1 + r) is f(u) = sum v_i exp(-u t_i), a sum of
 * exponentials: by the generalised rule of signs it has at most as many real
 * roots as the flows, in time order, change sign. One change: the two ends of
 * the interval bracket the only root. More: f is scanned on a grid of u and
 * each sign change refined with GSL's Brent solver; a root where f touches 0
 * without crossing is where f'(u) = -sum v_i t_i exp(-u t_i) changes sign,
 * found to full precision by solving f' = 0 and kept when f vanishes there.
 */
#include "crmroi/dated.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XIRR_SCAN_POINTS 4000
#define XIRR_TOUCH_TOL 1e-10       /* |f| / sum|terms| below which a touching point is a root */

/* Howard Hinnant's days_from_civil. */
long crm_date_days(int y, int m, int d)
{
	long yy = (long)y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

int crm_date_parse(const char *s, int *y, int *m, int *d)
{
	int yy = 0, mm = 0, dd = 0;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	mm = (s[5] - '0') * 10 + (s[6] - '0');
	dd = (s[8] - '0') * 10 + (s[9] - '0');
	if (yy < 1900 || yy > 2999 || mm < 1 || mm > 12 || dd < 1 || dd > month_days(yy, mm))
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

void crm_date_add_months(int *y, int *m, int *d, int months)
{
	long idx = (long)*y * 12 + (*m - 1) + months;
	*y = (int)(idx / 12);
	*m = (int)(idx % 12) + 1;
	if (*d > month_days(*y, *m))
		*d = month_days(*y, *m);
}

double crm_xnpv(const double *v, const double *t, size_t n, double rate)
{
	double s = 0;

	for (size_t i = 0; i < n; i++)
		s += v[i] * pow(1.0 + rate, -t[i]);
	return s;
}

struct flows {
	const double *v, *t;
	size_t n;
};

static double f_u(double u, void *p)
{
	const struct flows *f = p;
	double s = 0;

	for (size_t i = 0; i < f->n; i++)
		s += f->v[i] * exp(-u * f->t[i]);
	return s;
}

static double df_u(double u, void *p)
{
	const struct flows *f = p;
	double s = 0;

	for (size_t i = 0; i < f->n; i++)
		s -= f->v[i] * f->t[i] * exp(-u * f->t[i]);
	return s;
}

static double scale_u(double u, const struct flows *f)
{
	double s = 0;

	for (size_t i = 0; i < f->n; i++)
		s += fabs(f->v[i]) * exp(-u * f->t[i]);
	return s;
}

/* Sign changes of the flows taken in time order. */
static int sign_changes(const double *v, const double *t, size_t n)
{
	size_t *idx = malloc((n + 1) * sizeof *idx);
	int changes = 0, last = 0;

	if (!idx)
		return -1;
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	/* Insertion sort by time: flows come almost sorted. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && t[idx[j]] < t[idx[j - 1]]; j--) {
			size_t k = idx[j];
			idx[j] = idx[j - 1];
			idx[j - 1] = k;
		}
	for (size_t i = 0; i < n; i++) {
		double x = v[idx[i]];
		int s = (x > 0) - (x < 0);
		if (s && last && s != last)
			changes++;
		if (s)
			last = s;
	}
	free(idx);
	return changes;
}

crm_status crm_xirr_solve(const double *v, const double *t, size_t n, crm_irr *out, crm_error *err)
{
	struct flows f = { v, t, n };
	double ulo = log1p(CRM_IRR_MIN), uhi = log1p(CRM_IRR_MAX);
	int changes = sign_changes(v, t, n);
	crm_status st = CRM_OK;

	memset(out, 0, sizeof *out);
	if (changes < 0)
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory in the XIRR solver");
	if (changes == 1) {
		double flo = f_u(ulo, &f), fhi = f_u(uhi, &f), u;
		if (flo == 0)
			crm_irr_add(out, ulo);
		else if (fhi == 0)
			crm_irr_add(out, uhi);
		else if ((flo < 0) != (fhi < 0)) {
			if ((st = crm_irr_bracketed(f_u, &f, ulo, uhi, &u, err)) != CRM_OK)
				return st;
			crm_irr_add(out, u);
		}
	} else if (changes > 1) {
		double du = (uhi - ulo) / XIRR_SCAN_POINTS;
		double prev_f = f_u(ulo, &f), prev_d = df_u(ulo, &f);
		if (prev_f == 0)
			crm_irr_add(out, ulo);
		for (int j = 1; j <= XIRR_SCAN_POINTS && st == CRM_OK; j++) {
			double a = ulo + (j - 1) * du, b = j == XIRR_SCAN_POINTS ? uhi : ulo + j * du;
			double fb = f_u(b, &f), db = df_u(b, &f), r;
			if (fb == 0) {
				crm_irr_add(out, b);
			} else if (prev_f != 0 && (prev_f < 0) != (fb < 0)) {
				if ((st = crm_irr_bracketed(f_u, &f, a, b, &r, err)) == CRM_OK)
					crm_irr_add(out, r);
			} else if (prev_d != 0 && db != 0 && (prev_d < 0) != (db < 0)) {
				/* f turns here without crossing in this cell: does it touch 0? */
				if ((st = crm_irr_bracketed(df_u, &f, a, b, &r, err)) == CRM_OK &&
				    fabs(f_u(r, &f)) <= XIRR_TOUCH_TOL * scale_u(r, &f))
					crm_irr_add(out, r);
			}
			prev_f = fb;
			prev_d = db;
		}
	}
	if (st != CRM_OK)
		return st;
	crm_irr_finish(out);
	return CRM_OK;
}

/* ------------------------------------------------- an evaluated scenario */

/*
 * The dated flows of cf: each period's net on the day the period ends, less
 * the lines paid on a day of their own, which come as flows of their own.
 * *v and *t are malloc'd. -1 on no memory.
 */
static int dated_flows(const crm_model *m, const crm_cashflow *cf, double **vp, double **tp,
		       size_t *np)
{
	const crm_scenario *sc = crm_model_scenario(m);
	const crm_settings *s = crm_model_settings(m);
	size_t n = (size_t)cf->nperiods + 1, k = n;
	double *v = malloc((n + sc->nlines + 1) * sizeof *v), *t = malloc((n + sc->nlines + 1) * sizeof *t);
	long d0 = crm_date_days(s->start_year, s->start_month, s->start_day ? s->start_day : 1);

	if (!v || !t) {
		free(v);
		free(t);
		return -1;
	}
	memcpy(v, cf->net, n * sizeof *v);
	memcpy(t, cf->t_years, n * sizeof *t);
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		double a = cf->line_dated[l];
		if (isnan(a) || a == 0 || !ln->date_year)
			continue;
		int p = ln->start == 0 ? 0 : (ln->start + cf->months_per_period - 1) / cf->months_per_period;
		double signed_a = ln->kind == CRM_COST ? -a : a;
		v[p] -= signed_a;
		v[k] = signed_a;
		t[k++] = (double)(crm_date_days(ln->date_year, ln->date_month, ln->date_day) - d0) / 365.0;
	}
	*vp = v;
	*tp = t;
	*np = k;
	return 0;
}

crm_status crm_cashflow_irr(const crm_model *m, const crm_cashflow *cf, crm_irr *out,
			    crm_error *err)
{
	double *v, *t;
	size_t n;
	crm_status st;

	if (crm_model_settings(m)->discounting != CRM_DISCOUNT_DATED)
		return crm_irr_solve(cf->net, (size_t)cf->nperiods + 1, 12 / cf->months_per_period, out,
				     err);
	if (dated_flows(m, cf, &v, &t, &n) != 0)
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory for the XIRR");
	st = crm_xirr_solve(v, t, n, out, err);
	free(v);
	free(t);
	return st;
}

int crm_cashflow_mirr(const crm_model *m, const crm_cashflow *cf, double *out)
{
	const crm_settings *s = crm_model_settings(m);
	double *v, *t, fv_pos = 0, pv_neg = 0;
	size_t n;

	if (s->discounting != CRM_DISCOUNT_DATED)
		return crm_mirr(cf->net, (size_t)cf->nperiods + 1, 12 / cf->months_per_period,
				s->finance_rate, s->reinvest_rate, out);
	if (dated_flows(m, cf, &v, &t, &n) != 0)
		return -1;
	/* Positives reinvested to the end of the horizon, negatives financed from day 0. */
	double horizon = cf->t_years[cf->nperiods];
	for (size_t i = 0; i < n; i++) {
		if (v[i] > 0)
			fv_pos += v[i] * pow(1.0 + s->reinvest_rate, horizon - t[i]);
		else if (v[i] < 0)
			pv_neg += v[i] * pow(1.0 + s->finance_rate, -t[i]);
	}
	free(v);
	free(t);
	if (fv_pos <= 0 || pv_neg >= 0 || horizon <= 0)
		return -1;
	*out = pow(fv_pos / -pv_neg, 1.0 / horizon) - 1.0;
	return 0;
}
