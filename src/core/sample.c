/*
 * sample.c - distributions of uncertain values, and the Gaussian copula that
 * imposes rank correlations on them.
 *
 * Independent values are drawn with GSL's samplers; correlated ones by
 * inversion: correlated standard normals z = A g, u = Phi(z), x = F^-1(u),
 * which keeps every marginal exactly as specified. For a Gaussian copula the
 * rank correlation is (6 / pi) asin(r / 2), so the normal scores get
 * r = 2 sin(pi rho / 6).
 */
/* GSL's inline gsl_rng_uniform: a column of draws calls it for every value. */
#define HAVE_INLINE 1
#include "crmroi/sample.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_vector.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

#define PSD_TOL 1e-10     /* an eigenvalue above -this counts as >= 0 */
#define PI 3.14159265358979323846

/* x kept inside [lo, hi]: rounding in low + width x share may step just outside. */
static double within(double x, double lo, double hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

void crm_uncertain_init(crm_uncertain *u, crm_item_kind kind, int index, const char *name,
			const crm_range *r, double value)
{
	memset(u, 0, sizeof *u);
	u->kind = kind;
	u->index = index;
	u->name = name;
	u->dist = r->dist == CRM_DIST_NONE ? CRM_DIST_TRIANGULAR : r->dist;
	u->low = r->low;
	u->high = r->high;
	u->mode = value;
	switch (u->dist) {
	case CRM_DIST_PERT:
		/* Shares of the width first: 4 x (high - mode) overflows for a high near 1e308. */
		if (u->high > u->low) {
			u->alpha = 1 + 4 * ((u->mode - u->low) / (u->high - u->low));
			u->beta = 1 + 4 * ((u->high - u->mode) / (u->high - u->low));
		}
		break;
	case CRM_DIST_NORMAL:
		u->mu = u->low / 2 + u->high / 2;
		u->sigma = (u->high - u->low) / (2 * CRM_Z95);
		break;
	case CRM_DIST_LOGNORMAL:
		u->mu = (log(u->low) + log(u->high)) / 2;
		u->sigma = (log(u->high) - log(u->low)) / (2 * CRM_Z95);
		break;
	default:
		break;
	}
}

static double triangular_quantile(double a, double c, double b, double p)
{
	if (b <= a)
		return a;
	double fc = (c - a) / (b - a), x;
	/* (b - a)(c - a) overflows for a range near 1e308: then scale by the width outside the root. */
	if (p < fc)
		x = isfinite((b - a) * (c - a)) ? a + sqrt(p * (b - a) * (c - a))
						: a + (b - a) * sqrt(p * fc);
	else
		x = isfinite((b - a) * (b - c)) ? b - sqrt((1 - p) * (b - a) * (b - c))
						: b - (b - a) * sqrt((1 - p) * (1 - fc));
	return within(x, a, b);
}

double crm_uncertain_draw(const crm_uncertain *u, gsl_rng *r)
{
	if (u->kind == CRM_ITEM_EVENT)
		return gsl_rng_uniform(r) < u->p ? 1.0 : 0.0;
	if (u->high <= u->low && u->dist != CRM_DIST_FIXED)
		return u->low;
	switch (u->dist) {
	case CRM_DIST_TRIANGULAR:
		return triangular_quantile(u->low, u->mode, u->high, gsl_rng_uniform(r));
	case CRM_DIST_PERT:
		return within(u->low + (u->high - u->low) * gsl_ran_beta(r, u->alpha, u->beta),
			      u->low, u->high);
	case CRM_DIST_UNIFORM:
		return within(gsl_ran_flat(r, u->low, u->high), u->low, u->high);
	case CRM_DIST_NORMAL:
		return u->mu + u->sigma * gsl_ran_gaussian_ziggurat(r, 1.0);
	case CRM_DIST_LOGNORMAL:
		/* exp of a ziggurat normal: gsl_ran_lognormal's polar method costs a log and a root more. */
		return exp(u->mu + u->sigma * gsl_ran_gaussian_ziggurat(r, 1.0));
	case CRM_DIST_FIXED:
	case CRM_DIST_NONE:
		break;
	}
	return u->mode;
}

double crm_uncertain_quantile(const crm_uncertain *u, double p)
{
	if (u->kind == CRM_ITEM_EVENT)
		return p < u->p ? 1.0 : 0.0;
	if (u->high <= u->low && u->dist != CRM_DIST_FIXED)
		return u->low;
	switch (u->dist) {
	case CRM_DIST_TRIANGULAR:
		return triangular_quantile(u->low, u->mode, u->high, p);
	case CRM_DIST_PERT:
		return within(u->low + (u->high - u->low) * gsl_cdf_beta_Pinv(p, u->alpha, u->beta),
			      u->low, u->high);
	case CRM_DIST_UNIFORM:
		return within(u->low + (u->high - u->low) * p, u->low, u->high);
	case CRM_DIST_NORMAL:
		return u->mu + u->sigma * gsl_cdf_ugaussian_Pinv(p);
	case CRM_DIST_LOGNORMAL:
		return gsl_cdf_lognormal_Pinv(p, u->mu, u->sigma);
	case CRM_DIST_FIXED:
	case CRM_DIST_NONE:
		break;
	}
	return u->mode;
}

double crm_uncertain_cdf(const crm_uncertain *u, double x)
{
	double a = u->low, b = u->high, c = u->mode;

	if (u->kind == CRM_ITEM_EVENT)
		return x < 0 ? 0 : x < 1 ? 1 - u->p : 1;
	if (b <= a && u->dist != CRM_DIST_FIXED)
		return x < a ? 0 : 1;
	switch (u->dist) {
	case CRM_DIST_TRIANGULAR:
		if (x <= a)
			return 0;
		if (x >= b)
			return 1;
		return x <= c ? (x - a) * (x - a) / ((b - a) * (c - a))
			      : 1 - (b - x) * (b - x) / ((b - a) * (b - c));
	case CRM_DIST_PERT:
		return x <= a ? 0 : x >= b ? 1 : gsl_cdf_beta_P((x - a) / (b - a), u->alpha, u->beta);
	case CRM_DIST_UNIFORM:
		return x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a);
	case CRM_DIST_NORMAL:
		return gsl_cdf_ugaussian_P((x - u->mu) / u->sigma);
	case CRM_DIST_LOGNORMAL:
		return x <= 0 ? 0 : gsl_cdf_lognormal_P(x, u->mu, u->sigma);
	case CRM_DIST_FIXED:
	case CRM_DIST_NONE:
		break;
	}
	return x < c ? 0 : 1;
}

double crm_uncertain_mean(const crm_uncertain *u)
{
	double a = u->low, b = u->high, c = u->mode;

	if (u->kind == CRM_ITEM_EVENT)
		return u->p;
	switch (u->dist) {
	case CRM_DIST_TRIANGULAR: return (a + b + c) / 3;
	case CRM_DIST_PERT: return (a + 4 * c + b) / 6;
	case CRM_DIST_UNIFORM: return (a + b) / 2;
	case CRM_DIST_NORMAL: return u->mu;
	case CRM_DIST_LOGNORMAL: return exp(u->mu + u->sigma * u->sigma / 2);
	default: return c;
	}
}

double crm_uncertain_variance(const crm_uncertain *u)
{
	double a = u->low, b = u->high, c = u->mode;

	if (u->kind == CRM_ITEM_EVENT)
		return u->p * (1 - u->p);
	switch (u->dist) {
	case CRM_DIST_TRIANGULAR: return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
	case CRM_DIST_PERT: {
		double mu = (a + 4 * c + b) / 6;
		return (mu - a) * (b - mu) / 7;
	}
	case CRM_DIST_UNIFORM: return (b - a) * (b - a) / 12;
	case CRM_DIST_NORMAL: return u->sigma * u->sigma;
	case CRM_DIST_LOGNORMAL: {
		double s2 = u->sigma * u->sigma;
		return expm1(s2) * exp(2 * u->mu + s2);
	}
	default: return 0;
	}
}

/* A range whose width is beyond the largest double has no distribution to draw from. */
static int range_finite(const crm_range *r, const char *name, crm_error *err)
{
	if (isfinite(r->high - r->low))
		return 1;
	crm_loc hl = crm_range_loc(r, CRM_RANGE_HIGH);
	crm_error_set(err, CRM_EDATA, hl.file, hl.line, hl.col,
		      "%s: the range %g to %g is wider than the largest number (about 1.8e308): "
		      "narrow it", name, r->low, r->high);
	return 0;
}

crm_status crm_uncertain_list(const crm_scenario *sc, crm_uncertain **itemsp, size_t *np,
			      crm_error *err)
{
	size_t n = 0, count = 0;

	/* Counted first: a large case has few uncertain values among many. */
	for (size_t i = 0; i < sc->ninputs; i++)
		count += sc->inputs[i].range.given && sc->inputs[i].range.dist != CRM_DIST_FIXED;
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		const crm_group *g = ln->group >= 0 ? &sc->groups[ln->group] : NULL;
		count += ln->range.given && ln->range.dist != CRM_DIST_FIXED;
		count += ln->probability < 1 && (!g || g->first_line == (int)l);
	}
	crm_uncertain *items = calloc(count + 1, sizeof *items);

	if (!items)
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	for (size_t i = 0; i < sc->ninputs; i++) {
		const crm_input *in = &sc->inputs[i];
		if (!in->range.given || in->range.dist == CRM_DIST_FIXED)
			continue;
		if (!range_finite(&in->range, in->name, err)) {
			free(items);
			return CRM_EDATA;
		}
		crm_uncertain_init(&items[n++], CRM_ITEM_INPUT, (int)i, in->name, &in->range,
				   crm_expr_number(in->value));
	}
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		if (!ln->range.given || ln->range.dist == CRM_DIST_FIXED)
			continue;
		if (!range_finite(&ln->range, ln->label, err)) {
			free(items);
			return CRM_EDATA;
		}
		crm_uncertain_init(&items[n++], CRM_ITEM_LINE, (int)l, ln->label, &ln->range,
				   crm_expr_number(ln->value));
	}
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		/* A group is one event, drawn at its first line (crm_model_set_occurs sets them all). */
		const crm_group *g = ln->group >= 0 ? &sc->groups[ln->group] : NULL;
		if (ln->probability < 1 && (!g || g->first_line == (int)l)) {
			crm_uncertain *u = &items[n++];
			memset(u, 0, sizeof *u);
			u->kind = CRM_ITEM_EVENT;
			u->index = (int)l;
			u->name = g ? g->name : ln->label;
			u->p = ln->probability;
		}
	}
	*itemsp = items;
	*np = n;
	return CRM_OK;
}

/* ------------------------------------------------------------------ copula */

#define U_CLAMP 1e-15          /* keep copula uniforms inside (0, 1) */

/* One draw's correlated items by inversion of copula normals, into x[item] (stride apart). */
static void copula_draw(const crm_uncertain *items, const crm_copula *c, gsl_rng *r, double *g,
			double *x, size_t stride)
{
	for (size_t i = 0; i < c->m; i++)
		g[i] = gsl_ran_gaussian_ziggurat(r, 1.0);
	for (size_t i = 0; i < c->m; i++) {
		double z = 0;
		for (size_t j = 0; j < c->m; j++)
			z += c->factor[i * c->m + j] * g[j];
		double u = gsl_cdf_ugaussian_P(z);
		u = u < U_CLAMP ? U_CLAMP : u > 1 - U_CLAMP ? 1 - U_CLAMP : u;
		x[c->item[i] * stride] = crm_uncertain_quantile(&items[c->item[i]], u);
	}
}

/* -------------------------------------------------------- column samplers */

/*
 * x[j] = exp(x[j]) for a column: four at a time by glibc's vector exp
 * (libmvec, _ZGVdN4v_exp, within 4 units in the last place) where the
 * processor has AVX2, libm's exp elsewhere.
 */
#if defined(__x86_64__) && defined(__GNUC__) && defined(__GLIBC__)
typedef double v4e __attribute__((vector_size(32), may_alias, aligned(8)));
__attribute__((target("avx2"))) v4e _ZGVdN4v_exp(v4e x);

__attribute__((target("avx2"))) static size_t exp_avx2(double *x, size_t n)
{
	size_t j = 0;
	for (; j + 4 <= n; j += 4)
		*(v4e *)(x + j) = _ZGVdN4v_exp(*(const v4e *)(x + j));
	return j;
}
#endif

static void exp_column(double *x, size_t n)
{
	size_t j = 0;

#if defined(__x86_64__) && defined(__GNUC__) && defined(__GLIBC__)
	if (__builtin_cpu_supports("avx2"))
		j = exp_avx2(x, n);
#endif
	for (; j < n; j++)
		x[j] = exp(x[j]);
}

/*
 * Standard normals by Marsaglia and Tsang's ziggurat (J. Stat. Softw. 5(8),
 * 2000): 128 layers of equal area under the density, the base one with the
 * tail beyond R. GSL's gsl_ran_gaussian_ziggurat is the same method; this
 * one reads the generator's buffer inline, a column at a time, where GSL's
 * goes through a call per number. As in GSL, one 32-bit number gives the
 * layer (7 bits), the sign (1) and the position in the layer (24), with no
 * bit used twice. The tables are computed from R and the layers' area by
 * the recursion of the paper.
 */
#define ZIG_LAYERS 128
#define ZIG_R 3.442619855899           /* the base layer's right edge */
#define ZIG_V 9.91256303526217e-3      /* each layer's area */
#define ZIG_M 16777216.0               /* 2^24 positions in a layer */

struct zig {
	double w[ZIG_LAYERS];      /* a layer's right edge / 2^24 (the base: its width with the tail) */
	double f[ZIG_LAYERS];      /* the density (unnormalised, exp(-x^2 / 2)) at a layer's edge */
	uint32_t k[ZIG_LAYERS];    /* positions below it are inside the next layer's edge: accepted */
};

static void zig_tables(struct zig *z)
{
	double dn = ZIG_R, tn = dn, q = ZIG_V / exp(-0.5 * dn * dn);

	z->k[0] = (uint32_t)(dn / q * ZIG_M);
	z->k[1] = 0;
	z->w[0] = q / ZIG_M;
	z->w[ZIG_LAYERS - 1] = dn / ZIG_M;
	z->f[0] = 1;
	z->f[ZIG_LAYERS - 1] = exp(-0.5 * dn * dn);
	for (int i = ZIG_LAYERS - 2; i >= 1; i--) {
		dn = sqrt(-2 * log(ZIG_V / dn + exp(-0.5 * dn * dn)));
		z->k[i + 1] = (uint32_t)(dn / tn * ZIG_M);
		tn = dn;
		z->f[i] = exp(-0.5 * dn * dn);
		z->w[i] = dn / ZIG_M;
	}
}

/* A uniform in (0, 1), never 0: for logarithms. */
static inline double open_uniform(gsl_rng *r)
{
	return ((double)crm_rng_next_u32(r->state) + 0.5) / 4294967296.0;
}

/* x with the sign bit of u's bit 7 (ZIG_LAYERS): no branch on a coin toss. */
static inline double zig_signed(double x, uint32_t u)
{
	uint64_t b;
	memcpy(&b, &x, sizeof b);
	b ^= (uint64_t)(u & ZIG_LAYERS) << 56;
	memcpy(&x, &b, sizeof x);
	return x;
}

/*
 * The rest of a standard normal whose first number u fell outside its layer's
 * rectangle: the tail or the wedge test, then new numbers until one is
 * accepted. r is the crm_rng_taus2x8 generator.
 */
static double zig_rest(const struct zig *z, gsl_rng *r, uint32_t u)
{
	for (;; u = crm_rng_next_u32(r->state)) {
		uint32_t j = u >> 8;
		int i = (int)(u & (ZIG_LAYERS - 1));
		double x = (double)(int32_t)j * z->w[i];
		if (j < z->k[i])
			return zig_signed(x, u);
		if (i == 0) {
			/* The tail beyond R, by Marsaglia's exponential method. */
			double a, b;
			do {
				a = -log(open_uniform(r)) / ZIG_R;
				b = -log(open_uniform(r));
			} while (b + b < a * a);
			return zig_signed(ZIG_R + a, u);
		}
		/* The wedge between the layer's inner and outer edge: under the density? */
		if (z->f[i] + crm_rng_next(r) * (z->f[i - 1] - z->f[i]) < exp(-0.5 * x * x))
			return zig_signed(x, u);
	}
}

#define ZIG_COLUMN 256

/*
 * n normals mu + sigma Z into x: each draw's first number taken a column at
 * a time, so that the draws accepted at once (about 99%) run without waiting
 * on one another; the others are finished after, in order, by zig_rest.
 */
static void zig_column(const struct zig *z, gsl_rng *r, double mu, double sigma, double *x,
		       size_t n)
{
	uint32_t u[ZIG_COLUMN];
	size_t again[ZIG_COLUMN];

	for (size_t j0 = 0; j0 < n; j0 += ZIG_COLUMN) {
		size_t m = n - j0 < ZIG_COLUMN ? n - j0 : ZIG_COLUMN, na = 0;
		crm_rng_fill_u32(r, u, m);
		for (size_t k = 0; k < m; k++) {
			uint32_t v = u[k], j = v >> 8;
			int i = (int)(v & (ZIG_LAYERS - 1));
			x[j0 + k] = mu + sigma * zig_signed((double)(int32_t)j * z->w[i], v);
			if (!(j < z->k[i]))
				again[na++] = k;
		}
		for (size_t a = 0; a < na; a++)
			x[j0 + again[a]] = mu + sigma * zig_rest(z, r, u[again[a]]);
	}
}

#define PERT_STRIPS 256   /* strips of the step hat that PERT draws reject from */

/* One strip of a PERT hat: what a draw that lands on it reads, in one cache line's half. */
struct strip {
	double cut;                /* the alias table's: a uniform below it keeps this strip */
	double hat, floor;         /* the density's maximum and minimum on the strip */
	int next[2];               /* the strip taken: this one below the cut, its alias above */
};

struct crm_sampler {
	crm_uncertain u;
	/* triangular: the split at the mode and the products under the roots */
	double fc, k1, k2;
	int scaled;                /* a range so wide that those products overflow */
	/* pert: the step hat over PERT_STRIPS strips of [0, 1], and the squeeze under it */
	struct strip *strip;
	/* normal and lognormal: the ziggurat's layers */
	struct zig *zig;
	double lnorm;              /* log of the Beta function B(alpha, beta) */
};

void crm_sampler_free(crm_sampler *s)
{
	if (!s)
		return;
	free(s->strip);
	free(s->zig);
	free(s);
}

/*
 * The step hat of Beta(alpha, beta), alpha and beta >= 1 as PERT's are: the
 * density is unimodal, so on each strip its maximum is at the point nearest
 * the mode and its minimum at one end.
 */
static int pert_hat(crm_sampler *s)
{
	double a = s->u.alpha, b = s->u.beta, area[PERT_STRIPS];
	double mode = a + b > 2 ? (a - 1) / (a + b - 2) : 0.5;

	if (!(s->strip = malloc(PERT_STRIPS * sizeof *s->strip)))
		return -1;
	s->lnorm = gsl_sf_lnbeta(a, b);
	for (int k = 0; k < PERT_STRIPS; k++) {
		double x0 = (double)k / PERT_STRIPS, x1 = (double)(k + 1) / PERT_STRIPS;
		double f0 = gsl_ran_beta_pdf(x0, a, b), f1 = gsl_ran_beta_pdf(x1, a, b);
		double top = gsl_ran_beta_pdf(mode < x0 ? x0 : mode > x1 ? x1 : mode, a, b);
		/* A hat a little above the computed maximum: rounding never cuts the density. */
		s->strip[k].hat = top * (1 + 1e-9);
		s->strip[k].floor = f0 < f1 ? f0 : f1;
		area[k] = s->strip[k].hat;
	}
	/* GSL builds Walker's alias table; a draw reads it as gsl_ran_discrete does. */
	gsl_ran_discrete_t *g = gsl_ran_discrete_preproc(PERT_STRIPS, area);
	if (!g || g->K != PERT_STRIPS) {
		gsl_ran_discrete_free(g);
		return -1;
	}
	int finite = isfinite(s->lnorm);
	for (int k = 0; k < PERT_STRIPS; k++)
		finite &= isfinite(area[k]) && isfinite(s->strip[k].floor);
	for (int k = 0; k < PERT_STRIPS; k++) {
		s->strip[k].cut = g->F[k];
		s->strip[k].next[0] = k;
		s->strip[k].next[1] = g->A[k] < PERT_STRIPS ? (int)g->A[k] : k;
	}
	gsl_ran_discrete_free(g);
	if (!finite) {
		/* A shape whose density cannot be tabulated: GSL's gsl_ran_beta draws it instead. */
		free(s->strip);
		s->strip = NULL;
	}
	return 0;
}

crm_sampler *crm_sampler_new(const crm_uncertain *u)
{
	crm_sampler *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	s->u = *u;
	if (u->kind == CRM_ITEM_EVENT || u->high <= u->low)
		return s;
	if (u->dist == CRM_DIST_TRIANGULAR) {
		double a = u->low, c = u->mode, b = u->high;
		s->fc = (c - a) / (b - a);
		s->k1 = (b - a) * (c - a);
		s->k2 = (b - a) * (b - c);
		s->scaled = !isfinite(s->k1) || !isfinite(s->k2);
	}
	if (u->dist == CRM_DIST_PERT && pert_hat(s) != 0) {
		crm_sampler_free(s);
		return NULL;
	}
	if (u->dist == CRM_DIST_NORMAL || u->dist == CRM_DIST_LOGNORMAL) {
		if (!(s->zig = malloc(sizeof *s->zig))) {
			crm_sampler_free(s);
			return NULL;
		}
		zig_tables(s->zig);
	}
	return s;
}

/*
 * Uniforms x[0..n) to triangular values: one root per draw, on the side of
 * the mode the uniform falls, four draws at a time in vector lanes where the
 * processor has AVX2 (the same operations lane by lane, so the same numbers).
 */
static inline double triangular_one(const crm_sampler *s, double p)
{
	int left = p < s->fc;
	double root = sqrt(left ? p * s->k1 : (1 - p) * s->k2);
	double v = left ? s->u.low + root : s->u.high - root;
	return within(v, s->u.low, s->u.high);
}

#if defined(__x86_64__) && defined(__GNUC__)
typedef double v4d __attribute__((vector_size(32), may_alias, aligned(8)));
typedef long long v4i __attribute__((vector_size(32), may_alias, aligned(8)));

__attribute__((target("avx2"))) static v4d pick(v4i m, v4d a, v4d b)
{
	return (v4d)(((v4i)a & m) | ((v4i)b & ~m));
}

__attribute__((target("avx2"))) static size_t triangular_avx2(const crm_sampler *s, double *x,
								size_t n)
{
	const v4d one = { 1, 1, 1, 1 };
	v4d fc = one * s->fc, k1 = one * s->k1, k2 = one * s->k2;
	v4d lo = one * s->u.low, hi = one * s->u.high;
	size_t j = 0;

	for (; j + 4 <= n; j += 4) {
		v4d p = *(const v4d *)(x + j), v;
		v4i left = p < fc;
		v4d root = __builtin_ia32_sqrtpd256(pick(left, p * k1, (one - p) * k2));
		v = pick(left, lo + root, hi - root);
		v = pick(v < lo, lo, v);
		v = pick(v > hi, hi, v);
		*(v4d *)(x + j) = v;
	}
	return j;
}
#endif

static void triangular_columns(const crm_sampler *s, double *x, size_t n)
{
	size_t j = 0;

#if defined(__x86_64__) && defined(__GNUC__)
	if (__builtin_cpu_supports("avx2"))
		j = triangular_avx2(s, x, n);
#endif
	for (; j < n; j++)
		x[j] = triangular_one(s, x[j]);
}

/* The Beta density inside (0, 1) from the log of B(alpha, beta) computed once; GSL's at the ends. */
static double pert_density(const crm_sampler *s, double x)
{
	if (!(x > 0 && x < 1))
		return gsl_ran_beta_pdf(x, s->u.alpha, s->u.beta);
	return exp((s->u.alpha - 1) * log(x) + (s->u.beta - 1) * log1p(-x) - s->lnorm);
}

/*
 * One Beta(alpha, beta) draw: a strip by its hat's area (Walker's alias
 * method, looked up as gsl_ran_discrete looks it up), a point in it,
 * accepted under the squeeze or else under the density.
 */
static double pert_draw(const crm_sampler *s, gsl_rng *r)
{
	for (;;) {
		double u = crm_rng_next(r);
		int k = (int)(u * PERT_STRIPS);
		k = k < PERT_STRIPS ? k : PERT_STRIPS - 1;
		k = s->strip[k].next[u >= s->strip[k].cut];
		const struct strip *st = &s->strip[k];
		double x = ((double)k + crm_rng_next(r)) / PERT_STRIPS;
		double y = crm_rng_next(r) * st->hat;
		if (y <= st->floor || y <= pert_density(s, x))
			return x;
	}
}

/*
 * n Beta draws into x: the three uniforms of every draw's first attempt are
 * taken a column at a time, so that the draws' table lookups overlap; the
 * few attempts the squeeze does not settle are finished one by one after.
 */
#define PERT_COLUMN 256

static void pert_columns(const crm_sampler *s, gsl_rng *r, double *x, size_t n)
{
	double u1[PERT_COLUMN], u2[PERT_COLUMN], u3[PERT_COLUMN];
	size_t again[PERT_COLUMN];

	for (size_t j0 = 0; j0 < n; j0 += PERT_COLUMN) {
		size_t m = n - j0 < PERT_COLUMN ? n - j0 : PERT_COLUMN, na = 0;
		crm_rng_fill(r, u1, m);
		crm_rng_fill(r, u2, m);
		crm_rng_fill(r, u3, m);
		for (size_t j = 0; j < m; j++) {
			int k = (int)(u1[j] * PERT_STRIPS);
			k = k < PERT_STRIPS ? k : PERT_STRIPS - 1;
			/* The alias past the cut, by an index: a branch here would be a coin toss. */
			k = s->strip[k].next[u1[j] >= s->strip[k].cut];
			const struct strip *st = &s->strip[k];
			double xj = ((double)k + u2[j]) / PERT_STRIPS, y = u3[j] * st->hat;
			x[j0 + j] = xj;
			if (!(y <= st->floor))
				again[na++] = j;
		}
		for (size_t a = 0; a < na; a++) {
			size_t j = again[a];
			double xj = x[j0 + j];
			size_t k = (size_t)(xj * PERT_STRIPS);
			double y = u3[j] * s->strip[k < PERT_STRIPS ? k : PERT_STRIPS - 1].hat;
			/* The first attempt under the density, else new attempts. */
			x[j0 + j] = y <= pert_density(s, xj) ? xj : pert_draw(s, r);
		}
	}
}

void crm_sampler_draw(const crm_sampler *s, gsl_rng *r, double *restrict x, size_t n)
{
	const crm_uncertain *u = &s->u;

	if (u->kind == CRM_ITEM_EVENT) {
		crm_rng_fill(r, x, n);
		for (size_t j = 0; j < n; j++)
			x[j] = x[j] < u->p ? 1.0 : 0.0;
		return;
	}
	if (u->high <= u->low && u->dist != CRM_DIST_FIXED) {
		for (size_t j = 0; j < n; j++)
			x[j] = u->low;
		return;
	}
	double lo = u->low, hi = u->high, w = u->high - u->low;
	switch (u->dist) {
	case CRM_DIST_TRIANGULAR:
		if (s->scaled)
			break;
		crm_rng_fill(r, x, n);
		triangular_columns(s, x, n);
		return;
	case CRM_DIST_PERT:
		if (!s->strip)
			break;
		pert_columns(s, r, x, n);
		for (size_t j = 0; j < n; j++)
			x[j] = within(lo + w * x[j], lo, hi);
		return;
	case CRM_DIST_UNIFORM:
		crm_rng_fill(r, x, n);
		for (size_t j = 0; j < n; j++)
			x[j] = within(lo + w * x[j], lo, hi);
		return;
	case CRM_DIST_NORMAL:
	case CRM_DIST_LOGNORMAL:
		if (r->type == crm_rng_taus2x8)
			zig_column(s->zig, r, u->mu, u->sigma, x, n);
		else
			for (size_t j = 0; j < n; j++)
				x[j] = u->mu + u->sigma * gsl_ran_gaussian_ziggurat(r, 1.0);
		if (u->dist == CRM_DIST_LOGNORMAL)
			exp_column(x, n);
		return;
	case CRM_DIST_FIXED:
	case CRM_DIST_NONE:
		break;
	}
	for (size_t j = 0; j < n; j++)
		x[j] = crm_uncertain_draw(u, r);
}

void crm_uncertain_draw_columns(const crm_uncertain *items, crm_sampler *const *samplers,
				size_t nitems, const crm_copula *c, gsl_rng *r, double *g, double *cols,
				size_t stride, size_t n)
{
	for (size_t t = 0; t < nitems; t++)
		if (!c->m || !c->in[t])
			crm_sampler_draw(samplers[t], r, cols + t * stride, n);
	if (c->m)
		for (size_t j = 0; j < n; j++)
			copula_draw(items, c, r, g, cols + j, stride);
}

void crm_copula_free(crm_copula *c)
{
	if (!c)
		return;
	free(c->item);
	free(c->factor);
	free(c->in);
	memset(c, 0, sizeof *c);
}

/* Smallest eigenvalue of a symmetric matrix (copied); NAN on failure. */
static double min_eigen(const double *a, size_t m, gsl_matrix *vecs, gsl_vector *vals)
{
	gsl_matrix *copy = gsl_matrix_alloc(m, m);
	gsl_eigen_symmv_workspace *w = gsl_eigen_symmv_alloc(m);
	double lo = NAN;

	if (copy && w) {
		for (size_t i = 0; i < m; i++)
			for (size_t j = 0; j < m; j++)
				gsl_matrix_set(copy, i, j, a[i * m + j]);
		if (gsl_eigen_symmv(copy, vals, vecs, w) == GSL_SUCCESS)
			lo = gsl_vector_min(vals);
	}
	gsl_matrix_free(copy);
	gsl_eigen_symmv_free(w);
	return lo;
}

static double normal_score_r(double rho)
{
	return 2 * sin(PI * rho / 6);
}

crm_status crm_copula_init(crm_copula *c, const crm_scenario *sc, const crm_uncertain *items,
			   size_t nitems, crm_error *err)
{
	size_t m = 0;
	int *pos_of_input = NULL;    /* input index -> position in the copula, or -1 */
	double *r = NULL;
	gsl_matrix *vecs = NULL;
	gsl_vector *vals = NULL;
	crm_status st = CRM_OK;

	memset(c, 0, sizeof *c);
	if (!sc->ncorrelations)
		return CRM_OK;
	pos_of_input = malloc((sc->ninputs + 1) * sizeof *pos_of_input);
	c->item = malloc((nitems + 1) * sizeof *c->item);
	if (!pos_of_input || !c->item)
		goto nomem;
	for (size_t i = 0; i < sc->ninputs; i++)
		pos_of_input[i] = -1;
	for (size_t k = 0; k < sc->ncorrelations; k++)
		for (int e = 0; e < 2; e++) {
			int in = e ? sc->correlations[k].b : sc->correlations[k].a;
			if (pos_of_input[in] >= 0)
				continue;
			for (size_t t = 0; t < nitems; t++)
				if (items[t].kind == CRM_ITEM_INPUT && items[t].index == in) {
					pos_of_input[in] = (int)m;
					c->item[m++] = t;
				}
		}
	c->m = m;
	r = calloc(m * m, sizeof *r);
	c->factor = calloc(m * m, sizeof *c->factor);
	vecs = gsl_matrix_alloc(m, m);
	vals = gsl_vector_alloc(m);
	if (!r || !c->factor || !vecs || !vals)
		goto nomem;
	c->in = calloc(nitems + 1, 1);
	if (!c->in)
		goto nomem;
	for (size_t i = 0; i < m; i++)
		c->in[c->item[i]] = 1;
	for (size_t i = 0; i < m; i++)
		r[i * m + i] = 1;
	for (size_t k = 0; k < sc->ncorrelations; k++) {
		size_t i = (size_t)pos_of_input[sc->correlations[k].a];
		size_t j = (size_t)pos_of_input[sc->correlations[k].b];
		r[i * m + j] = r[j * m + i] = normal_score_r(sc->correlations[k].rho);
	}
	double lo = min_eigen(r, m, vecs, vals);
	if (isnan(lo)) {
		st = crm_error_set(err, CRM_ENUM, sc->file, 0, 0, "eigen decomposition of the "
				   "correlation matrix failed");
		goto done;
	}
	if (lo < -PSD_TOL) {
		/* Name the smallest set that conflicts: a triple of inputs, if one does. */
		for (size_t a = 0; a < m; a++)
			for (size_t b = a + 1; b < m; b++)
				for (size_t d = b + 1; d < m; d++) {
					size_t idx[3] = { a, b, d };
					double sub[9];
					for (int x = 0; x < 3; x++)
						for (int y = 0; y < 3; y++)
							sub[x * 3 + y] = r[idx[x] * m + idx[y]];
					gsl_matrix_view v3 = gsl_matrix_submatrix(vecs, 0, 0, 3, 3);
					gsl_vector_view l3 = gsl_vector_subvector(vals, 0, 3);
					if (min_eigen(sub, 3, &v3.matrix, &l3.vector) >= -PSD_TOL)
						continue;
					const char *n[3];
					int line = 0;
					const char *file = sc->file;
					for (int x = 0; x < 3; x++)
						n[x] = items[c->item[idx[x]]].name;
					for (size_t k = 0; k < sc->ncorrelations && !line; k++)
						if (pos_of_input[sc->correlations[k].a] >= 0 &&
						    (size_t)pos_of_input[sc->correlations[k].a] == a) {
							line = sc->correlations[k].loc.line;
							file = sc->correlations[k].loc.file;
						}
					st = crm_error_set(err, CRM_EDATA, file, line, 0, "the correlations "
							   "of %s, %s and %s contradict each other (no joint "
							   "distribution has them: the correlation matrix is not "
							   "positive semi-definite); weaken one of them", n[0], n[1],
							   n[2]);
					goto done;
				}
		st = crm_error_set(err, CRM_EDATA, sc->correlations[0].loc.file,
				   sc->correlations[0].loc.line, 0,
				   "the correlations between the %zu correlated inputs contradict each "
				   "other together (the correlation matrix is not positive "
				   "semi-definite, smallest eigenvalue %.3g); weaken some of them", m, lo);
		goto done;
	}
	/* A = V sqrt(max(L, 0)), rows rescaled to unit length so that z keeps unit variance. */
	for (size_t i = 0; i < m; i++) {
		double norm = 0;
		for (size_t j = 0; j < m; j++) {
			double lj = gsl_vector_get(vals, j);
			double x = gsl_matrix_get(vecs, i, j) * sqrt(lj > 0 ? lj : 0);
			c->factor[i * m + j] = x;
			norm += x * x;
		}
		norm = sqrt(norm);
		for (size_t j = 0; j < m && norm > 0; j++)
			c->factor[i * m + j] /= norm;
	}
	goto done;
nomem:
	st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
done:
	free(pos_of_input);
	free(r);
	gsl_matrix_free(vecs);
	gsl_vector_free(vals);
	if (st != CRM_OK)
		crm_copula_free(c);
	return st;
}
