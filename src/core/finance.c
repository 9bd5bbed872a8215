/*
 * finance.c - the finance functions of flows and times: NPV, IRR with all its
 * roots, MIRR, payback, calendar days, XNPV, XIRR and the dated MIRR.
 *
 * Pure functions of arrays of numbers, periodic and dated alike, so that each
 * can be checked against a spreadsheet or a textbook on plain numbers. They
 * know nothing of scenarios or models: crmroi/metrics.h gathers them for an
 * evaluated scenario.
 *
 * IRR: NPV(r) = sum v_k x^k with x = (1 + r)^(-1/ppy) is a polynomial in x,
 * so Descartes' rule of signs bounds the number of rates r > -1: none when the
 * flows never change sign, exactly one when they change sign once (then the
 * two ends of the interval bracket it). Otherwise NPV is scanned on a grid of
 * u = ln(1 + r) and every sign change is refined with GSL's Brent solver; a
 * local minimum of |NPV| that does not change sign is polished with GSL's
 * Brent minimiser and kept when NPV vanishes there (a double root).
 *
 * XNPV as a function of u = ln(1 + r) is f(u) = sum v_i exp(-u t_i), a sum of
 * exponentials: by the generalised rule of signs it has at most as many real
 * roots as the flows, in time order, change sign. One change: the two ends of
 * the interval bracket the only root. More: f is scanned on a grid of u and
 * each sign change refined with GSL's Brent solver; a root where f touches 0
 * without crossing is where f'(u) = -sum v_i t_i exp(-u t_i) changes sign,
 * found to full precision by solving f' = 0 and kept when f vanishes there.
 */
#include "crmroi/finance.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------ equally spaced flows */

#define IRR_SCAN_POINTS 4000       /* grid points on ln(1+r) when flows change sign twice or more */
#define IRR_MAX_ITER 200
#define IRR_EPSABS 1e-18           /* on u = ln(1+r) */
#define IRR_EPSREL 4e-15
#define IRR_TANGENT_TOL 1e-10
#define IRR_ROUNDING_TOL 1e-13     /* |NPV| / sum|terms| that is rounding noise */
#define IRR_REVERSE_LOG 600.0      /* ln of the largest x^(n-1) evaluated as is */

double crm_npv(const double *v, size_t n, int ppy, double rate)
{
	double s = 0;

	for (size_t k = 0; k < n; k++)
		s += v[k] * pow(1.0 + rate, -(double)k / ppy);
	return s;
}

/*
 * The flows scaled by a power of two near 1 / max|v| (exact, so the same
 * roots to the last bit), and NPV evaluated so that no intermediate
 * overflows: by Horner's rule in x = exp(-u/ppy); where x^(n-1) could
 * exceed about e^IRR_REVERSE_LOG (rates near -100% over long horizons) as
 * NPV / x^(n-1) instead, a polynomial in 1/x < 1 with the same sign and the
 * same zeros. Every partial sum then stays far below the overflow threshold,
 * however large the amounts or the horizon.
 */
struct poly {
	const double *v;
	size_t n;
	int ppy;
	double inv;     /* a power of two near 1 / max|v| */
	double urev;    /* below this u, evaluate the reversed polynomial */
};

static void poly_init(struct poly *p, const double *v, size_t n, int ppy)
{
	double big = 0;

	for (size_t k = 0; k < n; k++)
		big = fmax(big, fabs(v[k]));
	p->v = v;
	p->n = n;
	p->ppy = ppy;
	int e = 0;
	if (big > 0 && isfinite(big))
		frexp(big, &e);
	p->inv = e > -1000 ? ldexp(1.0, -e) : 1.0;
	p->urev = n > 1 ? -IRR_REVERSE_LOG * ppy / (double)(n - 1) : -INFINITY;
}

/* Scaled NPV as a function of u = ln(1 + r); abs sums |terms| instead. */
static double npv_eval(double u, const struct poly *p, int abs)
{
	double s = 0;

	if (u >= p->urev) {
		double x = exp(-u / p->ppy);
		for (size_t k = p->n; k-- > 0;)
			s = s * x + (abs ? fabs(p->v[k]) : p->v[k]) * p->inv;
	} else {
		double y = exp(u / p->ppy);
		for (size_t k = 0; k < p->n; k++)
			s = s * y + (abs ? fabs(p->v[k]) : p->v[k]) * p->inv;
	}
	return s;
}

static double npv_u(double u, void *params)
{
	return npv_eval(u, params, 0);
}

/* Sum of |terms| on the same scale: against it a near-zero NPV is judged. */
static double scale_u(double u, const struct poly *p)
{
	return npv_eval(u, p, 1);
}

/*
 * The derivative of npv_u with respect to u (up to a positive factor 1/ppy).
 * At a touching root both the NPV and this vanish, and this changes sign.
 */
static double dnpv_u(double u, void *params)
{
	const struct poly *p = params;
	double s = 0;

	if (u >= p->urev) {
		double x = exp(-u / p->ppy);
		for (size_t k = p->n; k-- > 0;)
			s = s * x - (double)k * p->v[k] * p->inv;
	} else {
		double y = exp(u / p->ppy);
		for (size_t k = 0; k < p->n; k++)
			s = s * y + (double)(p->n - 1 - k) * p->v[k] * p->inv;
	}
	return s;
}

crm_status crm_irr_bracketed(double (*fn)(double, void *), void *params, double lo, double hi,
			     double *root, crm_error *err)
{
	gsl_function F = { fn, params };
	gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	int status, iter = 0;

	if (!s)
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory in the IRR solver");
	status = gsl_root_fsolver_set(s, &F, lo, hi);
	while (status == GSL_SUCCESS && iter++ < IRR_MAX_ITER) {
		status = gsl_root_fsolver_iterate(s);
		if (status != GSL_SUCCESS)
			break;
		status = gsl_root_test_interval(gsl_root_fsolver_x_lower(s), gsl_root_fsolver_x_upper(s),
						IRR_EPSABS, IRR_EPSREL);
		if (status == GSL_SUCCESS)
			break;
		if (status == GSL_CONTINUE)
			status = GSL_SUCCESS;
	}
	*root = gsl_root_fsolver_root(s);
	gsl_root_fsolver_free(s);
	if (status != GSL_SUCCESS && iter <= IRR_MAX_ITER)
		return crm_error_set(err, CRM_ENUM, NULL, 0, 0, "IRR root finding failed: %s",
				     gsl_strerror(status));
	/* After IRR_MAX_ITER iterations the bracket is still a valid answer to the last bit. */
	return CRM_OK;
}

static crm_status brent_root(const struct poly *p, double lo, double hi, double *root,
			     crm_error *err)
{
	return crm_irr_bracketed(npv_u, (void *)p, lo, hi, root, err);
}

struct touch {
	struct poly p;
	double sign;
};

/* sign x NPV(u): positive near a dip of |NPV| that does not cross zero. */
static double touch_g(double u, void *params)
{
	struct touch *t = params;
	return t->sign * npv_u(u, &t->p);
}

/* Minimise sign x NPV on (a, c) starting from b; *at is where, *val the NPV there. */
static crm_status brent_touch(const struct poly *p, double a, double b, double c, double sign,
			      double *at, double *val, crm_error *err)
{
	struct touch t = { *p, sign };
	gsl_function F = { touch_g, &t };
	gsl_min_fminimizer *s = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
	int status, iter = 0;

	if (!s)
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory in the IRR solver");
	status = gsl_min_fminimizer_set(s, &F, b, a, c);
	while (status == GSL_SUCCESS && iter++ < IRR_MAX_ITER) {
		status = gsl_min_fminimizer_iterate(s);
		if (status != GSL_SUCCESS)
			break;
		status = gsl_min_test_interval(gsl_min_fminimizer_x_lower(s),
					       gsl_min_fminimizer_x_upper(s), IRR_EPSABS, IRR_EPSREL);
		if (status == GSL_SUCCESS)
			break;
		if (status == GSL_CONTINUE)
			status = GSL_SUCCESS;
	}
	*at = gsl_min_fminimizer_x_minimum(s);
	gsl_min_fminimizer_free(s);
	*val = npv_u(*at, (void *)p);
	if (status != GSL_SUCCESS && iter <= IRR_MAX_ITER)
		return crm_error_set(err, CRM_ENUM, NULL, 0, 0, "IRR minimisation failed: %s",
				     gsl_strerror(status));
	return CRM_OK;
}

/*
 * Near a double root, rounding makes NPV cross zero at a random point a
 * little away from it. When the slope also changes sign in (a, b) and NPV at
 * the slope's zero is within rounding of 0, that zero is the root.
 */
static crm_status polish_double(const struct poly *p, double a, double b, double *u,
				crm_error *err)
{
	double da = dnpv_u(a, (void *)p), db = dnpv_u(b, (void *)p), at;
	crm_status st;

	if (da == 0 || db == 0 || (da < 0) == (db < 0))
		return CRM_OK;
	if ((st = crm_irr_bracketed(dnpv_u, (void *)p, a, b, &at, err)) != CRM_OK)
		return st;
	if (fabs(npv_u(at, (void *)p)) <= IRR_ROUNDING_TOL * scale_u(at, p) &&
	    fabs(at - *u) <= b - a)
		*u = at;
	return CRM_OK;
}

void crm_irr_add(crm_irr *out, double u)
{
	double r = expm1(u);

	for (size_t i = 0; i < out->nroots; i++)
		if (fabs(out->roots[i] - r) <= 1e-9 * (1.0 + fabs(r)))
			return;
	if (out->nroots == CRM_IRR_MAX_ROOTS) {
		out->more = 1;
		return;
	}
	out->roots[out->nroots++] = r;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void crm_irr_finish(crm_irr *out)
{
	qsort(out->roots, out->nroots, sizeof *out->roots, cmp_double);
	out->status = out->nroots == 0 ? CRM_IRR_NONE
		    : out->nroots == 1 && !out->more ? CRM_IRR_UNIQUE : CRM_IRR_MULTIPLE;
}

static int sign_changes(const double *v, size_t n)
{
	int changes = 0, last = 0;

	for (size_t k = 0; k < n; k++) {
		int s = (v[k] > 0) - (v[k] < 0);
		if (s && last && s != last)
			changes++;
		if (s)
			last = s;
	}
	return changes;
}

crm_status crm_irr_solve(const double *v, size_t n, int ppy, crm_irr *out, crm_error *err)
{
	struct poly p;
	double ulo = log1p(CRM_IRR_MIN), uhi = log1p(CRM_IRR_MAX);
	int changes = sign_changes(v, n);
	crm_status st = CRM_OK;

	memset(out, 0, sizeof *out);
	poly_init(&p, v, n, ppy);
	if (changes == 0) {
		out->status = CRM_IRR_NONE;
		return CRM_OK;
	}
	if (changes == 1) {
		double flo = npv_u(ulo, &p), fhi = npv_u(uhi, &p), u;
		if (flo == 0)
			crm_irr_add(out, ulo);
		else if (fhi == 0)
			crm_irr_add(out, uhi);
		else if ((flo < 0) != (fhi < 0)) {
			if ((st = brent_root(&p, ulo, uhi, &u, err)) != CRM_OK)
				return st;
			crm_irr_add(out, u);
		}
	} else {
		double *f = malloc((IRR_SCAN_POINTS + 1) * sizeof *f);
		double du = (uhi - ulo) / IRR_SCAN_POINTS;
		if (!f)
			return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory in the IRR solver");
		for (int j = 0; j <= IRR_SCAN_POINTS; j++)
			f[j] = npv_u(ulo + j * du, &p);
		for (int j = 0; j <= IRR_SCAN_POINTS && st == CRM_OK; j++) {
			double u = ulo + j * du, r;
			if (f[j] == 0) {
				crm_irr_add(out, u);
				continue;
			}
			if (j < IRR_SCAN_POINTS && f[j + 1] != 0 && (f[j] < 0) != (f[j + 1] < 0)) {
				if ((st = brent_root(&p, u, u + du, &r, err)) == CRM_OK &&
				    (st = polish_double(&p, fmax(ulo, u - du), fmin(uhi, u + 2 * du), &r,
							err)) == CRM_OK)
					crm_irr_add(out, r);
				continue;
			}
			/* A local minimum of |NPV| with no sign change nearby: maybe a touching root. */
			if (j > 0 && j < IRR_SCAN_POINTS && fabs(f[j]) < fabs(f[j - 1]) &&
			    fabs(f[j]) < fabs(f[j + 1]) && (f[j - 1] < 0) == (f[j] < 0) &&
			    (f[j + 1] < 0) == (f[j] < 0)) {
				double sign = f[j] > 0 ? 1.0 : -1.0, at = u, val = f[j];
				double dlo = dnpv_u(u - du, &p), dhi = dnpv_u(u + du, &p);
				/*
				 * Where the slope changes sign, the dip's bottom is the root
				 * of the derivative, which Brent finds to full precision (a
				 * minimiser only gets within the square root of it).
				 */
				if (dlo != 0 && dhi != 0 && (dlo < 0) != (dhi < 0)) {
					if ((st = crm_irr_bracketed(dnpv_u, &p, u - du, u + du, &at, err)) != CRM_OK)
						break;
					val = npv_u(at, &p);
				} else if ((st = brent_touch(&p, u - du, u, u + du, sign, &at, &val,
							    err)) != CRM_OK) {
					break;
				}
				if (fabs(val) <= IRR_ROUNDING_TOL * scale_u(at, &p)) {
					/* NPV is 0 there to rounding: a double root. */
					crm_irr_add(out, at);
				} else if (sign * val < 0) {
					/* Two close roots on either side of the dip. */
					double r1, r2;
					if ((st = brent_root(&p, u - du, at, &r1, err)) == CRM_OK &&
					    (st = brent_root(&p, at, u + du, &r2, err)) == CRM_OK) {
						crm_irr_add(out, r1);
						crm_irr_add(out, r2);
					}
				} else if (fabs(val) <= IRR_TANGENT_TOL * scale_u(at, &p)) {
					crm_irr_add(out, at);
				}
			}
		}
		free(f);
		if (st != CRM_OK)
			return st;
	}
	crm_irr_finish(out);
	return CRM_OK;
}

/* ------------------------------------------------- one root, warm-started */

#define IRR_FAST_MAX_ITER 40
#define IRR_FAST_STEP_TOL 1e-10   /* a last step below this x (1 + |u|) leaves the root to rounding */
#define IRR_FAST_MARGIN 0.01      /* in u: a root this near the searched interval's ends is left
				     to crm_irr_solve, which decides those by NPV's sign there */

#if defined(__GNUC__)
typedef double v2d __attribute__((vector_size(16)));
#endif

/*
 * sum v[k] x^k, sum k v[k] x^k and sum k^2 v[k] x^k from the powers pw[k] =
 * x^k, which powers() builds in eight independent chains; the sums run in
 * two-lane vectors, so that nothing waits on a long dependency chain as
 * Horner's rule does.
 */
static void powers(double x, size_t n, double *pw)
{
	double x8;
	size_t k;

	pw[0] = 1;
	for (k = 1; k < 8 && k < n; k++)
		pw[k] = pw[k - 1] * x;
	x8 = n > 8 ? pw[7] * x : 0;
	for (; k < n; k++)
		pw[k] = pw[k - 8] * x8;
}

void crm_irr_powers(size_t n, int ppy, double rate, double *pw)
{
	powers(exp(-log1p(rate) / ppy), n, pw);
}

static void moments(const double *v, size_t n, const double *pw, double out[3])
{
	size_t k;

#if defined(__GNUC__)
	v2d s0 = { 0, 0 }, s1 = { 0, 0 }, s2 = { 0, 0 }, kk = { 0, 1 }, two = { 2, 2 };
	for (k = 0; k + 2 <= n; k += 2) {
		v2d a, p;
		memcpy(&a, v + k, sizeof a);
		memcpy(&p, pw + k, sizeof p);
		a *= p;
		s0 += a;
		a *= kk;
		s1 += a;
		s2 += a * kk;
		kk += two;
	}
	out[0] = s0[0] + s0[1];
	out[1] = s1[0] + s1[1];
	out[2] = s2[0] + s2[1];
#else
	out[0] = out[1] = out[2] = 0;
	k = 0;
#endif
	for (; k < n; k++) {
		double a = v[k] * pw[k];
		out[0] += a;
		out[1] += (double)k * a;
		out[2] += (double)k * (double)k * a;
	}
}

int crm_irr_fast(const double *v, size_t n, int ppy, double guess, const double *guess_pw,
		 double *scratch, double *rate)
{
	double ulo = log1p(CRM_IRR_MIN), uhi = log1p(CRM_IRR_MAX);
	int changes = sign_changes(v, n);
	size_t first = 0;

	if (changes == 0)
		return 0;
	if (changes > 1 || n < 2)
		return -1;
	while (v[first] == 0)
		first++;
	/*
	 * One sign change: NPV(u) has one zero, and above it NPV has the sign of
	 * the first flow (x -> 0), below it that of the last. [a, b] brackets the
	 * zero once NPV has been seen on both sides of it; Halley's steps that
	 * leave the bracket are replaced by bisection.
	 */
	double up = v[first] > 0 ? 1.0 : -1.0, a = ulo - 1, b = uhi + 1;
	double u = guess > -1 ? log1p(guess) : 0, m[3];
	if (!(u > ulo && u < uhi)) {
		u = 0;
		guess_pw = NULL;
	}
	for (int it = 0; it < IRR_FAST_MAX_ITER; it++) {
		if (it == 0 && guess_pw) {
			moments(v, n, guess_pw, m);
		} else {
			powers(exp(-u / ppy), n, scratch);
			moments(v, n, scratch, m);
		}
		double f = m[0], d1 = -m[1] / ppy, d2 = m[2] / ((double)ppy * ppy);
		if (!isfinite(f) || !isfinite(d1) || !isfinite(d2))
			return -1;
		if (f == 0)
			goto found;
		if ((f > 0) == (up > 0))
			b = u;
		else
			a = u;
		double den = 2 * d1 * d1 - f * d2, un = den != 0 ? u - 2 * f * d1 / den : NAN;
		/* A step may land on an end of the bracket when the root is within rounding of it. */
		if (!(un >= a && un <= b))
			un = 0.5 * (a + b);
		double step = fabs(un - u);
		u = un;
		if (step <= IRR_FAST_STEP_TOL * (1 + fabs(u)))
			goto found;
		if (b < ulo + IRR_FAST_MARGIN || a > uhi - IRR_FAST_MARGIN)
			return -1;   /* near or beyond an end of the interval */
	}
	return -1;
found:
	if (u < ulo + IRR_FAST_MARGIN || u > uhi - IRR_FAST_MARGIN)
		return -1;
	*rate = expm1(u);
	return 1;
}

int crm_mirr(const double *v, size_t n, int ppy, double finance_rate, double reinvest_rate,
	     double *out)
{
	double fv_pos = 0, pv_neg = 0, scale = 0;
	double years = (double)(n - 1) / ppy;

	if (n < 2)
		return -1;
	for (size_t k = 0; k < n; k++)
		scale += fabs(v[k]);
	/* A rounding remainder of a period's sum is no flow (as for payback). */
	double tol = CRM_PAYBACK_REL_TOL * scale;
	for (size_t k = 0; k < n; k++) {
		if (v[k] > tol)
			fv_pos += v[k] * pow(1.0 + reinvest_rate, (double)(n - 1 - k) / ppy);
		else if (v[k] < -tol)
			pv_neg += v[k] * pow(1.0 + finance_rate, -(double)k / ppy);
	}
	if (fv_pos <= 0 || pv_neg >= 0)
		return -1;
	*out = pow(fv_pos / -pv_neg, 1.0 / years) - 1.0;
	return 0;
}

void crm_payback_compute(const double *v, size_t n, int mpp, crm_payback *out)
{
	double scale = 0, cum = 0, prev = 0;
	int crossed = 0, ever_negative = 0;

	memset(out, 0, sizeof *out);
	for (size_t k = 0; k < n; k++)
		scale += fabs(v[k]);
	double tol = CRM_PAYBACK_REL_TOL * scale;
	for (size_t k = 0; k < n; k++) {
		cum += v[k];
		double z = fabs(cum) <= tol ? 0.0 : cum;
		if (z < 0) {
			ever_negative = 1;
			if (crossed)
				out->lost_again = 1;
		}
		if (k > 0 && prev < 0 && z >= 0) {
			double t = z == 0 ? (double)k : (double)(k - 1) + (-prev) / v[k];
			if (!crossed)
				out->first_months = t * mpp;
			crossed = 1;
			out->months = t * mpp;
		}
		prev = z;
	}
	if (!ever_negative) {
		out->status = CRM_PAYBACK_REACHED;
		out->months = 0;
		return;
	}
	if (prev < 0) {
		out->status = CRM_PAYBACK_NEVER;
		out->months = 0;
		return;
	}
	out->status = CRM_PAYBACK_REACHED;
}

/* ------------------------------------------------------------- dated flows */

#define XIRR_SCAN_POINTS 4000
#define XIRR_TOUCH_TOL 1e-10       /* |f| / sum|terms| below which a touching point is a root */
#define CRM_XMIRR_SAME_DAY (0.5 / 365.0)  /* years: flows nearer than half a day fall on one day */

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

static double xscale_u(double u, const struct flows *f)
{
	double s = 0;

	for (size_t i = 0; i < f->n; i++)
		s += fabs(f->v[i]) * exp(-u * f->t[i]);
	return s;
}

typedef struct xflow {
	double t, v;
} xflow;

static int xflow_cmp(const void *a, const void *b)
{
	double x = ((const xflow *)a)->t, y = ((const xflow *)b)->t;
	return (x > y) - (x < y);
}

/*
 * The flows in time order with those of the same time added up, into *vp and
 * *tp (one malloc'd block, *vp its start); how many, or -1 on no memory.
 * XNPV is the same function of the rate either way, and the sign changes in
 * time order bound its roots only once flows of one day are one flow.
 */
static long xflows_by_day(const double *v, const double *t, size_t n, double **vp, double **tp)
{
	xflow *f;
	double *out;
	size_t m = 0;

	if (n > SIZE_MAX / (2 * sizeof *f) - 1)
		return -1;
	f = malloc((n + 1) * sizeof *f);
	out = malloc((2 * n + 1) * sizeof *out);
	if (!f || !out) {
		free(f);
		free(out);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		f[i].t = t[i];
		f[i].v = v[i];
	}
	qsort(f, n, sizeof *f, xflow_cmp);
	for (size_t i = 0; i < n; i++) {
		if (m && f[m - 1].t == f[i].t)
			f[m - 1].v += f[i].v;
		else
			f[m++] = f[i];
	}
	for (size_t i = 0; i < m; i++) {
		out[i] = f[i].v;
		out[m + i] = f[i].t;
	}
	free(f);
	*vp = out;
	*tp = out + m;
	return (long)m;
}

/* Sign changes of flows in time order. */
static int xsign_changes(const double *v, size_t n)
{
	int changes = 0, last = 0;

	for (size_t i = 0; i < n; i++) {
		int s = (v[i] > 0) - (v[i] < 0);
		if (s && last && s != last)
			changes++;
		if (s)
			last = s;
	}
	return changes;
}

void crm_xirr_factors(const double *t, size_t n, double rate, double *e)
{
	double u = log1p(rate);

	for (size_t k = 0; k < n; k++)
		e[k] = exp(-u * t[k]);
}

int crm_xirr_fast(const double *v, const double *t, size_t n, double guess, const double *guess_e,
		  double *rate)
{
	double ulo = log1p(CRM_IRR_MIN), uhi = log1p(CRM_IRR_MAX);
	int changes = xsign_changes(v, n);
	size_t first = 0;

	if (changes == 0)
		return 0;
	if (changes > 1 || n < 2)
		return -1;
	while (v[first] == 0)
		first++;
	/* As crm_irr_fast: one zero, NPV of the first flow's sign above it (x -> 0). */
	double up = v[first] > 0 ? 1.0 : -1.0, a = ulo - 1, b = uhi + 1;
	double u = guess > -1 ? log1p(guess) : 0;
	if (!(u > ulo && u < uhi)) {
		u = 0;
		guess_e = NULL;
	}
	for (int it = 0; it < IRR_FAST_MAX_ITER; it++) {
		double f = 0, m1 = 0, m2 = 0;
		for (size_t k = 0; k < n; k++) {
			double x = v[k] * (it == 0 && guess_e ? guess_e[k] : exp(-u * t[k]));
			f += x;
			m1 += x * t[k];
			m2 += x * t[k] * t[k];
		}
		double d1 = -m1, d2 = m2;
		if (!isfinite(f) || !isfinite(d1) || !isfinite(d2))
			return -1;
		if (f == 0)
			goto found;
		if ((f > 0) == (up > 0))
			b = u;
		else
			a = u;
		double den = 2 * d1 * d1 - f * d2, un = den != 0 ? u - 2 * f * d1 / den : NAN;
		if (!(un >= a && un <= b))
			un = 0.5 * (a + b);
		double step = fabs(un - u);
		u = un;
		if (step <= IRR_FAST_STEP_TOL * (1 + fabs(u)))
			goto found;
		if (b < ulo + IRR_FAST_MARGIN || a > uhi - IRR_FAST_MARGIN)
			return -1;
	}
	return -1;
found:
	if (u < ulo + IRR_FAST_MARGIN || u > uhi - IRR_FAST_MARGIN)
		return -1;
	*rate = expm1(u);
	return 1;
}

/*
 * The scan's exponentials. exp(-u t) at every scan point would cost an
 * exponential per flow and point; instead they are exact at every
 * XIRR_SYNC-th point (and the last), and between those each flow's factor is
 * the previous point's times exp(-du t), fixed per flow, so rounding grows
 * over at most XIRR_SYNC steps (about 1e-14 relative). The exact factors and
 * the steps depend on the times alone: a simulation computes them once for
 * its days (crm_xirr_days_new) and every draw's scan multiplies and adds.
 */
#define XIRR_SYNC 64
#define XIRR_NSYNC (XIRR_SCAN_POINTS / XIRR_SYNC + 2)

struct crm_xirr_days {
	size_t n;
	double *t;              /* n times, ascending, each once */
	double *step;           /* n: exp(-du t) */
	double *exact;          /* XIRR_NSYNC x n: exp(-u t) at the scan points j = XIRR_SYNC x s, and the last */
};

void crm_xirr_days_free(crm_xirr_days *d)
{
	if (!d)
		return;
	free(d->t);
	free(d->step);
	free(d->exact);
	free(d);
}

/* Scan point j's u, as every scan of crm_xirr_solve takes it. */
static double xscan_u(int j)
{
	double ulo = log1p(CRM_IRR_MIN), uhi = log1p(CRM_IRR_MAX);
	return j == XIRR_SCAN_POINTS ? uhi : ulo + j * ((uhi - ulo) / XIRR_SCAN_POINTS);
}

crm_xirr_days *crm_xirr_days_new(const double *t, size_t n)
{
	crm_xirr_days *d = calloc(1, sizeof *d);
	double du = (log1p(CRM_IRR_MAX) - log1p(CRM_IRR_MIN)) / XIRR_SCAN_POINTS;

	if (!d || n > SIZE_MAX / sizeof(double) / XIRR_NSYNC - 1)
		goto nomem;
	d->n = n;
	d->t = malloc((n + 1) * sizeof *d->t);
	d->step = malloc((n + 1) * sizeof *d->step);
	d->exact = malloc((n + 1) * XIRR_NSYNC * sizeof *d->exact);
	if (!d->t || !d->step || !d->exact)
		goto nomem;
	for (size_t k = 0; k < n; k++) {
		d->t[k] = t[k];
		d->step[k] = exp(-du * t[k]);
	}
	for (int s = 0; s < XIRR_NSYNC; s++) {
		int j = s == XIRR_NSYNC - 1 ? XIRR_SCAN_POINTS : s * XIRR_SYNC;
		double u = xscan_u(j);
		for (size_t k = 0; k < n; k++)
			d->exact[(size_t)s * n + k] = exp(-u * t[k]);
	}
	return d;
nomem:
	crm_xirr_days_free(d);
	return NULL;
}

/*
 * One scan point: the factors e of the days at it (e = src, or e = src x step
 * when step is given, src being e itself then), and f and f' of flows v
 * there into *fp and *dp.
 */
static void xscan_point(size_t n, const double *v, const double *t, const double *src,
			const double *step, double *e, double *fp, double *dp)
{
	double f = 0, df = 0;
	size_t k = 0;

#if defined(__GNUC__)
	/*
	 * Four lanes in two vectors: the sums do not wait on one long chain,
	 * and the factors are updated in the same pass.
	 */
	v2d f0 = { 0, 0 }, f1 = { 0, 0 }, d0 = { 0, 0 }, d1 = { 0, 0 };
	for (; k + 4 <= n; k += 4) {
		v2d e0, e1, a0, a1, c0, c1;
		memcpy(&e0, src + k, sizeof e0);
		memcpy(&e1, src + k + 2, sizeof e1);
		if (step) {
			v2d s0, s1;
			memcpy(&s0, step + k, sizeof s0);
			memcpy(&s1, step + k + 2, sizeof s1);
			e0 *= s0;
			e1 *= s1;
		}
		memcpy(e + k, &e0, sizeof e0);
		memcpy(e + k + 2, &e1, sizeof e1);
		memcpy(&a0, v + k, sizeof a0);
		memcpy(&a1, v + k + 2, sizeof a1);
		memcpy(&c0, t + k, sizeof c0);
		memcpy(&c1, t + k + 2, sizeof c1);
		a0 *= e0;
		a1 *= e1;
		f0 += a0;
		f1 += a1;
		d0 += a0 * c0;
		d1 += a1 * c1;
	}
	f = (f0[0] + f1[0]) + (f0[1] + f1[1]);
	df = -((d0[0] + d1[0]) + (d0[1] + d1[1]));
#endif
	for (; k < n; k++) {
		e[k] = step ? src[k] * step[k] : src[k];
		double x = v[k] * e[k];
		f += x;
		df -= x * t[k];
	}
	*fp = f;
	*dp = df;
}

/*
 * f and f' of flows v on the days d at every scan point into fs and ds
 * (XIRR_SCAN_POINTS + 1 each); e is scratch for n factors.
 */
static void xscan(const crm_xirr_days *d, const double *v, double *e, double *fs, double *ds)
{
	for (int j = 0; j <= XIRR_SCAN_POINTS; j++) {
		if (j % XIRR_SYNC == 0 || j == XIRR_SCAN_POINTS) {
			int s = j == XIRR_SCAN_POINTS ? XIRR_NSYNC - 1 : j / XIRR_SYNC;
			xscan_point(d->n, v, d->t, d->exact + (size_t)s * d->n, NULL, e, &fs[j], &ds[j]);
		} else {
			xscan_point(d->n, v, d->t, e, d->step, e, &fs[j], &ds[j]);
		}
	}
}

crm_status crm_xirr_solve_days(const crm_xirr_days *d, const double *v, crm_irr *out,
			       crm_error *err)
{
	double ulo = log1p(CRM_IRR_MIN), uhi = log1p(CRM_IRR_MAX);
	struct flows f = { v, d->t, d->n };
	int changes = xsign_changes(v, d->n);
	crm_status st = CRM_OK;

	memset(out, 0, sizeof *out);
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
		double *e = malloc((d->n + 2 * (XIRR_SCAN_POINTS + 1)) * sizeof *e);
		if (!e)
			return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory in the XIRR solver");
		double *fs = e + d->n, *ds = fs + XIRR_SCAN_POINTS + 1;
		xscan(d, v, e, fs, ds);
		if (fs[0] == 0)
			crm_irr_add(out, ulo);
		for (int j = 1; j <= XIRR_SCAN_POINTS && st == CRM_OK; j++) {
			double a = xscan_u(j - 1), b = xscan_u(j), r;
			if (fs[j] == 0) {
				crm_irr_add(out, b);
			} else if (fs[j - 1] != 0 && (fs[j - 1] < 0) != (fs[j] < 0)) {
				if ((st = crm_irr_bracketed(f_u, &f, a, b, &r, err)) == CRM_OK)
					crm_irr_add(out, r);
			} else if (ds[j - 1] != 0 && ds[j] != 0 && (ds[j - 1] < 0) != (ds[j] < 0)) {
				/* f turns here without crossing in this cell: does it touch 0? */
				if ((st = crm_irr_bracketed(df_u, &f, a, b, &r, err)) == CRM_OK &&
				    fabs(f_u(r, &f)) <= XIRR_TOUCH_TOL * xscale_u(r, &f))
					crm_irr_add(out, r);
			}
		}
		free(e);
	}
	if (st == CRM_OK)
		crm_irr_finish(out);
	return st;
}

crm_status crm_xirr_solve(const double *v, const double *t, size_t n, crm_irr *out, crm_error *err)
{
	double *dv, *dt;
	long m = xflows_by_day(v, t, n, &dv, &dt);
	crm_status st;

	memset(out, 0, sizeof *out);
	if (m < 0)
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory in the XIRR solver");
	if (xsign_changes(dv, (size_t)m) > 1) {
		crm_xirr_days *d = crm_xirr_days_new(dt, (size_t)m);
		st = d ? crm_xirr_solve_days(d, dv, out, err)
		       : crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory in the XIRR solver");
		crm_xirr_days_free(d);
	} else {
		/* One sign change or none: no scan, so no factors to compute. */
		crm_xirr_days d = { (size_t)m, dt, NULL, NULL };
		st = crm_xirr_solve_days(&d, dv, out, err);
	}
	free(dv);
	return st;
}

int crm_xmirr(const double *v, const double *t, size_t n, double horizon, double finance_rate,
	      double reinvest_rate, double *out)
{
	double fv_pos = 0, pv_neg = 0, scale = 0;
	xflow *f;

	if (n == 0 || horizon <= 0 || n > SIZE_MAX / sizeof *f || !(f = malloc(n * sizeof *f)))
		return -1;
	for (size_t i = 0; i < n; i++) {
		f[i].t = t[i];
		f[i].v = v[i];
		scale += fabs(v[i]);
	}
	/* MIRR is defined on net flows: the flows of one day are netted first (a
	 * cost and a larger benefit that day are one smaller benefit), and a net
	 * within the payback tolerance of 0 is a rounding remainder, no flow. */
	qsort(f, n, sizeof *f, xflow_cmp);
	double tol = CRM_PAYBACK_REL_TOL * scale;
	for (size_t i = 0; i < n;) {
		double day = f[i].t, net = 0;
		size_t j = i;
		for (; j < n && f[j].t - day < CRM_XMIRR_SAME_DAY; j++)
			net += f[j].v;
		/* Positives reinvested to the end of the horizon, negatives financed from day 0. */
		if (net > tol)
			fv_pos += net * pow(1.0 + reinvest_rate, horizon - day);
		else if (net < -tol)
			pv_neg += net * pow(1.0 + finance_rate, -day);
		i = j;
	}
	free(f);
	if (fv_pos <= 0 || pv_neg >= 0)
		return -1;
	*out = pow(fv_pos / -pv_neg, 1.0 / horizon) - 1.0;
	return 0;
}
