/*
 * batch.c - crm_model_summary for many draws at once.
 *
 * A simulation evaluates the same model hundreds of thousands of times with
 * different inputs. One draw at a time, most of the work is dispatch: the
 * formula interpreter's switch per instruction, a loop over lines per
 * period. Here each step runs over a column of draws instead: a formula is
 * interpreted once for all of them (crm_expr_eval_n), NPV is summed line by
 * line into a column, and the payback scan walks the periods back from the
 * end for SCAN_W draws in step, in vector registers.
 *
 * Every draw's numbers are those crm_model_summary computes: the same
 * products, added in the same order (lines in line order, a line with no
 * amount in a period adding nothing, as an exact zero adds nothing), so the
 * results agree to the last bit. Whatever crm_model_summary would leave to
 * the full evaluation (a value that is not a finite number, a share of
 * adoption out of range, a line whose months the draw moves, a cumulative
 * sum within rounding of 0) is marked for the caller to evaluate alone.
 */
#include "crmroi/model.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crmroi/expr.h"
#include "model_priv.h"

#define SCAN_W 32               /* draws whose payback scans run in step */

struct crm_batch {
	size_t cap;
	double *inv;                /* ni x cap: every input's values */
	double *val;                /* nl x cap: every line's value x share x factor */
	double *stack;              /* formula scratch: deepest stack x cap */
	const double **col;         /* ni: the column of each input (drawn, or in inv) */
	double *npv, *pvc, *scale;  /* cap */
	double *vals1;              /* ni: one draw's inputs */
	size_t *act;                /* lines with an amount in period p: act[act_at[p]..act_at[p + 1]) */
	size_t *act_at;             /* n + 2 */
	size_t *dact, *dact_at;     /* the same for the discounted weights */
	double *vb;                 /* nl x SCAN_W: a scan group's line values */
	size_t *lane;               /* cap: draws that need a scan */
	int timing_drawn;           /* set per call: a drawn input reaches some line's months */
};

void crm_batch_free(crm_batch *b)
{
	if (!b)
		return;
	free(b->inv);
	free(b->val);
	free(b->stack);
	free(b->col);
	free(b->npv);
	free(b->pvc);
	free(b->scale);
	free(b->vals1);
	free(b->act);
	free(b->act_at);
	free(b->dact);
	free(b->dact_at);
	free(b->vb);
	free(b->lane);
	free(b);
}

/* The lines with a nonzero weight in each period of w (period-major, nl per period). */
static int active_lines(const crm_model *m, const double *w, size_t **act, size_t **at)
{
	size_t np = (size_t)m->n + 1, k = 0;

	*act = malloc((np * m->nl + 1) * sizeof **act);
	*at = malloc((np + 1) * sizeof **at);
	if (!*act || !*at)
		return -1;
	for (size_t p = 0; p < np; p++) {
		(*at)[p] = k;
		for (size_t l = 0; l < m->nl; l++)
			if (w[p * m->nl + l] != 0)
				(*act)[k++] = l;
	}
	(*at)[np] = k;
	return 0;
}

crm_batch *crm_batch_new(const crm_model *m, size_t cap)
{
	const crm_scenario *sc = m->sc;
	size_t depth = 1;

	if (!crm_model_summary_fast(m) || cap == 0 || cap > ((size_t)1 << 20))
		return NULL;
	for (size_t i = 0; i < m->ni; i++) {
		size_t d = crm_expr_stack_depth(sc->inputs[i].value);
		depth = d > depth ? d : depth;
	}
	for (size_t l = 0; l < m->nl; l++) {
		size_t d = crm_expr_stack_depth(sc->lines[l].value);
		depth = d > depth ? d : depth;
	}
	crm_batch *b = calloc(1, sizeof *b);
	if (!b)
		return NULL;
	b->cap = cap;
	b->inv = malloc((m->ni + 1) * cap * sizeof *b->inv);
	b->val = malloc((m->nl + 1) * cap * sizeof *b->val);
	b->stack = malloc(depth * cap * sizeof *b->stack);
	b->col = calloc(m->ni + 1, sizeof *b->col);
	b->npv = malloc(cap * sizeof *b->npv);
	b->pvc = malloc(cap * sizeof *b->pvc);
	b->scale = malloc(cap * sizeof *b->scale);
	b->vals1 = malloc((m->ni + 1) * sizeof *b->vals1);
	b->vb = aligned_alloc(32, (m->nl + 1) * SCAN_W * sizeof *b->vb);
	b->lane = malloc(cap * sizeof *b->lane);
	if (!b->inv || !b->val || !b->stack || !b->col || !b->npv || !b->pvc || !b->scale ||
	    !b->vals1 || !b->vb || !b->lane || active_lines(m, m->wt, &b->act, &b->act_at) != 0 ||
	    active_lines(m, m->wtd, &b->dact, &b->dact_at) != 0) {
		crm_batch_free(b);
		return NULL;
	}
	return b;
}

/* Whether draw j moves some line's months from the compiled ones (or gives none). */
static int draw_moves_timing(const crm_model *m, crm_batch *b, size_t j)
{
	for (size_t i = 0; i < m->ni; i++)
		b->vals1[i] = b->col[i][j];
	for (size_t k = 0; k < m->ntimed; k++) {
		const crm_line *ln = &m->sc->lines[m->timed[k]];
		crm_line_timing tm;
		if (crm_line_timing_eval(m->sc, ln, b->vals1, &tm, NULL) != CRM_OK ||
		    tm.start != ln->start || tm.end_given != ln->end_given || tm.ramp != ln->ramp)
			return 1;
	}
	return 0;
}

/* Every input's column, in evaluation order. */
static void batch_inputs(const crm_model *m, crm_batch *b, const crm_batch_draws *d, char *full)
{
	const crm_scenario *sc = m->sc;
	size_t n = d->n;

	for (size_t k = 0; k < m->ni; k++) {
		size_t i = (size_t)m->order[k];
		double *c = b->inv + i * b->cap;
		if (d->input[i]) {
			b->col[i] = d->input[i];
			continue;
		}
		if (!isnan(m->override[i])) {
			for (size_t j = 0; j < n; j++)
				c[j] = m->override[i];
		} else {
			crm_expr_eval_n(sc->inputs[i].value, b->col, n, b->stack, c);
			for (size_t j = 0; j < n; j++)
				full[j] |= !isfinite(c[j]);
		}
		b->col[i] = c;
	}
	b->timing_drawn = 0;
	for (size_t k = 0; k < m->ntiming_inputs; k++)
		b->timing_drawn |= d->input[m->timing_inputs[k]] != NULL;
	if (m->ntimed && b->timing_drawn)
		for (size_t j = 0; j < n; j++)
			if (!full[j])
				full[j] = (char)draw_moves_timing(m, b, j);
}

/* The column that decides whether line l happens, or NULL when it counts at its expected value. */
static const double *occurs_column(const crm_model *m, const crm_batch_draws *d, size_t l)
{
	int g = m->sc->lines[l].group;

	if (!d->occurs)
		return NULL;
	if (g < 0)
		return d->occurs[l];
	for (int k = m->sc->groups[g].first_line; k >= 0; k = m->gnext[k])
		if (d->occurs[k])
			return d->occurs[k];
	return NULL;
}

/* Every line's value x share x factor, then NPV, PV of costs and the payback scale. */
static void batch_lines(const crm_model *m, crm_batch *b, const crm_batch_draws *d, char *full)
{
	const crm_scenario *sc = m->sc;
	size_t n = d->n;
	double *restrict npv = b->npv, *restrict pvc = b->pvc, *restrict sabs = b->scale;

	for (size_t j = 0; j < n; j++)
		npv[j] = pvc[j] = sabs[j] = 0;
	for (size_t l = 0; l < m->nl; l++) {
		double *restrict v = b->val + l * b->cap;
		if (d->line && d->line[l]) {
			memcpy(v, d->line[l], n * sizeof *v);
		} else if (!isnan(m->line_override[l])) {
			for (size_t j = 0; j < n; j++)
				v[j] = m->line_override[l];
		} else {
			crm_expr_eval_n(sc->lines[l].value, b->col, n, b->stack, v);
			for (size_t j = 0; j < n; j++)
				full[j] |= !isfinite(v[j]);
		}
		if (m->adopt[l] >= 0) {
			const double *share = b->col[m->adopt[l]];
			for (size_t j = 0; j < n; j++) {
				full[j] |= !(share[j] >= 0 && share[j] <= 1);
				v[j] *= share[j];
			}
		}
		const double *occ = occurs_column(m, d, l);
		if (occ) {
			double on = crm_model_line_counted_(m, l) ? 1.0 : 0.0;
			for (size_t j = 0; j < n; j++)
				v[j] *= occ[j] != 0 ? on : 0.0;
		} else {
			double f = m->line_factor[l];
			for (size_t j = 0; j < n; j++)
				v[j] *= f;
		}
		double pw = m->pvw[l], aw = m->absw[l];
		if (sc->lines[l].kind == CRM_BENEFIT) {
			for (size_t j = 0; j < n; j++)
				npv[j] += v[j] * pw;
		} else {
			for (size_t j = 0; j < n; j++) {
				npv[j] += -v[j] * pw;
				pvc[j] += v[j] * pw;
			}
		}
		for (size_t j = 0; j < n; j++)
			sabs[j] += fabs(v[j]) * aw;
	}
	for (size_t j = 0; j < n; j++)
		full[j] |= !isfinite(npv[j]) || !isfinite(sabs[j]);
}

/* ----------------------------------------------------------- payback scan */

typedef double v4d __attribute__((vector_size(32), may_alias, aligned(8)));
typedef int64_t v4i __attribute__((vector_size(32), may_alias, aligned(8)));

/* What a scan group carries: per lane its cumulative sum, tolerance and result. */
struct scan {
	double cum[SCAN_W], tol[SCAN_W], out[SCAN_W];
	int64_t live[SCAN_W];        /* -1 while the lane still scans */
	char undecided[SCAN_W];
};

#define SCAN_ALL(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)

/*
 * Walk the periods back from the end for SCAN_W lanes in step (as
 * last_crossing in model.c does for one): prev = cum - flow[p] is the
 * cumulative sum of period p - 1; the first one below 0 gives the payback,
 * one within tol of 0 leaves the lane undecided. vb holds the lines' values
 * lane-minor; w is the period-major weights and act/at their active lines.
 * The eight vectors of lanes are named, so that they stay in registers.
 */
static inline __attribute__((always_inline)) void
scan_body(const crm_model *m, const double *restrict vb, const double *restrict w,
	  const size_t *restrict act, const size_t *restrict at, struct scan *s)
{
	const v4i sign = { INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN };
	const v4d zero = { 0, 0, 0, 0 };
	const v4d *cv = (const v4d *)s->cum, *tv = (const v4d *)s->tol;
	const v4i *lv = (const v4i *)s->live;
#define DECL(q) v4d cum##q = cv[q], tol##q = tv[q], f##q, prev##q; v4i live##q = lv[q];
	SCAN_ALL(DECL)
#undef DECL
	size_t nl = m->nl;

	for (int p = m->n; p > 0; p--) {
#define ZERO(q) f##q = zero;
		SCAN_ALL(ZERO)
#undef ZERO
		const double *wp = w + (size_t)p * nl;
		for (size_t k = at[p]; k < at[p + 1]; k++) {
			size_t l = act[k];
			double wl = wp[l];
			v4d wv = { wl, wl, wl, wl };
			const v4d *x = (const v4d *)(vb + l * SCAN_W);
#define ACC(q) f##q += x[q] * wv;
			SCAN_ALL(ACC)
#undef ACC
		}
		v4i any = { 0, 0, 0, 0 };
#define TEST(q) prev##q = cum##q - f##q; \
		any |= ((prev##q < zero) | ((v4d)((v4i)prev##q & ~sign) <= tol##q)) & live##q;
		SCAN_ALL(TEST)
#undef TEST
		if (any[0] | any[1] | any[2] | any[3]) {
			v4i left = { 0, 0, 0, 0 };
#define LANES(q) \
			for (int e = 0; e < 4; e++) { \
				double pv = prev##q[e]; \
				if (!live##q[e] || !(pv < 0 || fabs(pv) <= tol##q[e])) \
					continue; \
				if (fabs(pv) <= tol##q[e]) \
					s->undecided[q * 4 + e] = 1; \
				else \
					s->out[q * 4 + e] = ((double)(p - 1) + (-pv) / f##q[e]) * m->mpp; \
				live##q[e] = 0; \
			} \
			left |= live##q;
			SCAN_ALL(LANES)
#undef LANES
			if (!(left[0] | left[1] | left[2] | left[3]))
				return;
		}
#define NEXT(q) cum##q = prev##q;
		SCAN_ALL(NEXT)
#undef NEXT
	}
	/* Lanes still live were never below 0. */
#define NEVER(q) \
	for (int e = 0; e < 4; e++) \
		if (live##q[e]) \
			s->out[q * 4 + e] = 0;
	SCAN_ALL(NEVER)
#undef NEVER
}

#if defined(__x86_64__)
__attribute__((target("avx2")))
static void scan_avx2(const crm_model *m, const double *vb, const double *w, const size_t *act,
		      const size_t *at, struct scan *s)
{
	scan_body(m, vb, w, act, at, s);
}
#endif

static void scan_base(const crm_model *m, const double *vb, const double *w, const size_t *act,
		      const size_t *at, struct scan *s)
{
	scan_body(m, vb, w, act, at, s);
}

static void scan(const crm_model *m, const double *vb, const double *w, const size_t *act,
		 const size_t *at, struct scan *s)
{
#if defined(__x86_64__)
	if (__builtin_cpu_supports("avx2")) {
		scan_avx2(m, vb, w, act, at, s);
		return;
	}
#endif
	scan_base(m, vb, w, act, at, s);
}

/*
 * Payback (discounted when disc) of every draw not marked full, into out:
 * the cumulative sum at the end from the per-line totals, then the scan.
 */
static void batch_payback(const crm_model *m, crm_batch *b, size_t n, int disc, char *full,
			  double *out)
{
	const double *tot = disc ? m->totwd : m->totw;
	const double *w = disc ? m->wtd : m->wt;
	const size_t *act = disc ? b->dact : b->act, *at = disc ? b->dact_at : b->act_at;
	size_t nlane = 0;
	struct scan s;

	for (size_t j = 0; j < n; j++) {
		if (full[j])
			continue;
		double cum = 0, tol = CRM_PAYBACK_REL_TOL * b->scale[j];
		for (size_t l = 0; l < m->nl; l++)
			cum += b->val[l * b->cap + j] * tot[l];
		if (fabs(cum) <= tol)
			full[j] = 1;
		else if (cum < 0)
			out[j] = NAN;
		else
			b->lane[nlane++] = j;
	}
	for (size_t g = 0; g < nlane; g += SCAN_W) {
		size_t cnt = nlane - g < SCAN_W ? nlane - g : SCAN_W;
		for (size_t k = 0; k < SCAN_W; k++) {
			size_t j = b->lane[g + (k < cnt ? k : 0)];
			double cum = 0;
			for (size_t l = 0; l < m->nl; l++) {
				double v = b->val[l * b->cap + j];
				b->vb[l * SCAN_W + k] = v;
				cum += v * tot[l];
			}
			s.cum[k] = cum;
			s.tol[k] = CRM_PAYBACK_REL_TOL * b->scale[j];
			s.live[k] = k < cnt ? -1 : 0;
			s.undecided[k] = 0;
			s.out[k] = 0;
		}
		scan(m, b->vb, w, act, at, &s);
		for (size_t k = 0; k < cnt; k++) {
			size_t j = b->lane[g + k];
			if (s.undecided[k])
				full[j] = 1;
			else
				out[j] = s.out[k];
		}
	}
}

void crm_model_summary_batch(const crm_model *m, crm_batch *b, const crm_batch_draws *d,
			     int want_payback, int want_dpayback, crm_batch_result *r)
{
	size_t n = d->n < b->cap ? d->n : b->cap;
	crm_batch_draws dd = *d;

	dd.n = n;
	memset(r->full, 0, n);
	batch_inputs(m, b, &dd, r->full);
	batch_lines(m, b, &dd, r->full);
	memcpy(r->npv, b->npv, n * sizeof *r->npv);
	memcpy(r->pv_costs, b->pvc, n * sizeof *r->pv_costs);
	if (want_payback)
		batch_payback(m, b, n, 0, r->full, r->payback);
	if (want_dpayback)
		batch_payback(m, b, n, 1, r->full, r->dpayback);
}

void crm_batch_flows(const crm_model *m, const crm_batch *b, size_t j, double *net)
{
	double *tmp = b->vb;    /* scratch of nl x SCAN_W: room for one draw's values */

	for (size_t l = 0; l < m->nl; l++)
		tmp[l] = b->val[l * b->cap + j];
	crm_model_flows_(m, m->wl, tmp, net);
}
