/*
 * batch.c - crm_model_summary for many draws at once.
 *
 * A simulation evaluates the same model hundreds of thousands of times with
 * different inputs. One draw at a time, most of the work is dispatch: the
 * formula interpreter's switch per instruction, a loop over lines per
 * period. Here each step runs over a column of draws instead: a formula is
 * interpreted once for all of them (crm_expr_eval_n), each line's share of
 * NPV and of the sums payback needs is added in one pass over the column,
 * four draws at a time, and the payback search of crm_payback_short_
 * (model.c) runs for SCAN_W draws in step, in vector registers.
 *
 * Every draw's numbers are those crm_model_summary computes: the same
 * products, added in the same order, so the results agree to the last bit.
 * A draw that moves lines' months (a drawn go-live) is handed, with the
 * draws that have the same months, to a model built at those months
 * (crm_model_timed_) and its own batch: its numbers are that model's
 * crm_model_summary. Whatever crm_model_summary would leave to the full
 * evaluation (a value that is not a finite number, a share of adoption out
 * of range, months no timed model takes, a cumulative sum within rounding
 * of 0) is marked for the caller to evaluate alone.
 */
#include "crmroi/model.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crmroi/expr.h"
#include "model_priv.h"
#include "scenario_priv.h"

#define SCAN_W 16               /* draws whose payback searches run in step */
#define MAX_TIMED 32            /* models built at a draw's months, per batch */

struct crm_batch {
	size_t cap;
	double *inv;                /* ni x cap: every input's values */
	double *val;                /* nl x cap: every line's value x share x factor */
	double *stack;              /* formula scratch: deepest stack x cap */
	const double **col;         /* ni: the column of each input (drawn, or in inv) */
	double *npv, *pvc, *scale;  /* cap */
	double *vals1;              /* ni: one draw's inputs */
	double *vb;                 /* nl: one draw's line values */
	size_t stride;              /* val's row length: cap rounded up to whole scan groups */
	size_t istride;             /* inv's row length */
	double *cum0, *cum1;        /* per draw: the cumulative net flow at the end, plain and discounted */
	int64_t *bad, *neg;         /* per draw: a value not a finite number; a line value below 0 */
	double *fac;                /* per draw: a drawn risk event's line factor */
	int timing_drawn;           /* set per call: a drawn input reaches some line's months */
	/*
	 * Draws that move lines' months (a drawn go-live): each draw's months of
	 * the timed lines (cap x ntimed; start INT_MIN when they could not be
	 * computed), and models built at the months draws have, each with a
	 * batch of its own, shared by the draws with those months (tidx: the
	 * draw's, -1 for none), at most MAX_TIMED of them. A timed model's batch
	 * (sub) has none of its own.
	 */
	crm_line_timing *tdraw;
	double *traw;               /* 3 x cap: a timed line's formulas over the draws; NULL: one draw at a time */
	char *tflag;                /* cap: 1 the draw moves months, 2 they could not be computed */
	int *tidx;
	struct timed { crm_model *m; crm_batch *b; uint64_t hash; } timed[MAX_TIMED];
	int ntimed, sub, gave_up;
	double *gather;             /* (ni + 2 nl) x cap: the drawn columns of one timed model's draws */
	const double **gcol;        /* ni + 2 nl: those columns, by input, line and event */
	size_t *gidx;               /* cap: the draws of one timed model */
	char *gfull;                /* cap: its results */
	double *gres;               /* 4 x cap */
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
	free(b->vb);
	free(b->cum0);
	free(b->cum1);
	free(b->bad);
	free(b->neg);
	free(b->fac);
	free(b->tdraw);
	free(b->traw);
	free(b->tflag);
	free(b->tidx);
	for (int k = 0; k < b->ntimed; k++) {
		crm_batch_free(b->timed[k].b);
		crm_model_free(b->timed[k].m);
	}
	free(b->gather);
	free(b->gcol);
	free(b->gidx);
	free(b->gfull);
	free(b->gres);
	free(b);
}

crm_batch *crm_batch_new(const crm_model *m, size_t cap)
{
	const crm_scenario *sc = m->sc;
	size_t depth = 1;

	if (!crm_model_summary_fast(m) || cap == 0 || cap > ((size_t)1 << 20) ||
	    crm_model_short_way_(m) != 0)
		return NULL;
	for (size_t i = 0; i < m->ni; i++) {
		size_t d = crm_expr_stack_depth(sc->inputs[i].value);
		depth = d > depth ? d : depth;
	}
	/* Timing formulas are computed over the draws when none of them uses time. */
	int timing_n = m->ntimed > 0;
	for (size_t l = 0; l < m->nl; l++) {
		size_t d = crm_expr_stack_depth(sc->lines[l].value);
		depth = d > depth ? d : depth;
		for (int k = 0; k < 3; k++) {
			const crm_expr *e = crm_line_timing_expr(&sc->lines[l], k);
			if (!e)
				continue;
			d = crm_expr_stack_depth(e);
			depth = d > depth ? d : depth;
			timing_n &= !crm_expr_uses_time(e);
		}
	}
	crm_batch *b = calloc(1, sizeof *b);
	if (!b)
		return NULL;
	b->cap = cap;
	b->istride = cap + 8;   /* a cache line more, as for val */
	b->inv = malloc((m->ni + 1) * b->istride * sizeof *b->inv);
	/*
	 * Rows of whole scan groups (a group reads SCAN_W values of a line in
	 * place), and one cache line more, so that the rows a group reads do not
	 * all fall in the same few sets of the processor's cache.
	 */
	b->stride = (cap + SCAN_W - 1) / SCAN_W * SCAN_W + 8;
	b->val = calloc((m->nl + 1) * b->stride, sizeof *b->val);
	/* Per-draw arrays have room for n rounded up to whole vectors. */
	b->cum0 = malloc((cap + 8) * sizeof *b->cum0);
	b->cum1 = malloc((cap + 8) * sizeof *b->cum1);
	b->bad = malloc((cap + 8) * sizeof *b->bad);
	b->neg = malloc((cap + 8) * sizeof *b->neg);
	b->fac = malloc((cap + 8) * sizeof *b->fac);
	b->stack = malloc(depth * cap * sizeof *b->stack);
	b->col = calloc(m->ni + 1, sizeof *b->col);
	b->npv = malloc((cap + 8) * sizeof *b->npv);
	b->pvc = malloc((cap + 8) * sizeof *b->pvc);
	b->scale = malloc((cap + 8) * sizeof *b->scale);
	b->vals1 = malloc((m->ni + 1) * sizeof *b->vals1);
	b->vb = malloc((m->nl + 1) * sizeof *b->vb);
	b->tidx = malloc((cap + 8) * sizeof *b->tidx);
	if (m->ntimed)
		b->tdraw = malloc(cap * m->ntimed * sizeof *b->tdraw);
	if (timing_n) {
		b->traw = malloc(3 * cap * sizeof *b->traw);
		b->tflag = malloc(cap);
	}

	if (!b->inv || !b->val || !b->stack || !b->col || !b->npv || !b->pvc || !b->scale ||
	    !b->vals1 || !b->vb || !b->cum0 || !b->cum1 || !b->bad || !b->neg || !b->fac ||
	    !b->tidx || (m->ntimed && !b->tdraw) || (timing_n && (!b->traw || !b->tflag))) {
		crm_batch_free(b);
		return NULL;
	}
	return b;
}

/*
 * Whether draw j moves some line's months from the compiled ones (or gives
 * none); its months of every timed line kept in b->tdraw.
 */
static int draw_moves_timing(const crm_model *m, crm_batch *b, size_t j)
{
	crm_line_timing *t = b->tdraw + j * m->ntimed;
	int moved = 0;

	for (size_t i = 0; i < m->ni; i++)
		b->vals1[i] = b->col[i][j];
	for (size_t k = 0; k < m->ntimed; k++) {
		const crm_line *ln = &m->sc->lines[m->timed[k]];
		if (crm_line_timing_eval(m->sc, ln, b->vals1, &t[k], NULL) != CRM_OK) {
			t[0].start = INT_MIN;
			return 1;
		}
		moved |= !crm_timing_compiled_(m, k, ln, &t[k]);
	}
	return moved;
}

/* A hash of months t (ntimed of them): equal months, equal hashes. */
static uint64_t timing_hash(const crm_line_timing *t, size_t nt)
{
	uint64_t h = 1469598103934665603ULL;

	for (size_t k = 0; k < nt; k++) {
		h = (h ^ (uint32_t)t[k].start) * 1099511628211ULL;
		h = (h ^ (uint32_t)t[k].end_given) * 1099511628211ULL;
		h = (h ^ (uint32_t)t[k].ramp) * 1099511628211ULL;
	}
	return h;
}

/*
 * Which draws move lines' months (marked full, with CRM_BATCH_MONTHS), each
 * draw's months of every timed line in b->tdraw: the timing formulas over
 * every draw at once when none uses time (crm_scen_timing_of, the months
 * crm_line_timing_eval gives), else one draw at a time.
 */
static void batch_timing(const crm_model *m, crm_batch *b, size_t n, char *full)
{
	const crm_scenario *sc = m->sc;
	size_t nt = m->ntimed, cap = b->cap;

	if (!b->traw) {
		for (size_t j = 0; j < n; j++)
			if (!full[j])
				full[j] = draw_moves_timing(m, b, j) ? 1 | CRM_BATCH_MONTHS : 0;
		return;
	}
	memset(b->tflag, 0, n);
	for (size_t k = 0; k < nt; k++) {
		const crm_line *ln = &sc->lines[m->timed[k]];
		for (int f = 0; f < 3; f++)
			if (crm_line_timing_expr(ln, f))
				crm_expr_eval_n(crm_line_timing_expr(ln, f), b->col, n, b->stack, b->traw + f * cap);
		/* The line's constants and compiled months in locals: the loop writes months. */
		const crm_timing_consts c = crm_scen_timing_consts(ln);
		const crm_line_timing built = crm_timing_built_(m, k, ln);
		const double *raw0 = b->traw, *raw1 = b->traw + cap, *raw2 = b->traw + 2 * cap;
		crm_line_timing *tk = b->tdraw + k;
		char *flag = b->tflag;
		for (size_t j = 0; j < n; j++) {
			if (full[j] || flag[j] & 2)
				continue;
			const double raw[3] = { raw0[j], raw1[j], raw2[j] };
			crm_line_timing t;
			if (crm_scen_timing_of(&c, raw, &t) != 0) {
				flag[j] = 2;
				continue;
			}
			tk[j * nt] = t;
			if (t.start != built.start || t.end_given != built.end_given || t.ramp != built.ramp)
				flag[j] |= 1;
		}
	}
	for (size_t j = 0; j < n; j++) {
		if (full[j] || !b->tflag[j])
			continue;
		full[j] = 1 | CRM_BATCH_MONTHS;
		if (b->tflag[j] & 2)
			b->tdraw[j * nt].start = INT_MIN;
	}
}

/* Every input's column, in evaluation order. */
static void batch_inputs(const crm_model *m, crm_batch *b, const crm_batch_draws *d, char *full)
{
	const crm_scenario *sc = m->sc;
	size_t n = d->n;

	for (size_t k = 0; k < m->ni; k++) {
		size_t i = (size_t)m->order[k];
		double *c = b->inv + i * b->istride;
		if (d->input && d->input[i]) {
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
		b->timing_drawn |= d->input && d->input[m->timing_inputs[k]];
	/* A timed model's draws have its months: the batch that handed them over computed them. */
	if (m->ntimed && b->timing_drawn && !b->sub)
		batch_timing(m, b, n, full);
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

typedef double v4d __attribute__((vector_size(32), may_alias, aligned(8)));
typedef int64_t v4i __attribute__((vector_size(32), may_alias, aligned(8)));

/* What a line adds to each draw's sums (per line, as crm_model_summary adds it). */
struct line_sums {
	double f;                   /* the line's factor, or */
	const double *fac;          /* per draw (a drawn risk event), or NULL */
	int benefit;
	double pw, aw, t0, t1;      /* PV weight, sum of |weight|, running sums at the end */
};

/*
 * One line's pass over the draws, four at a time: its values times the
 * factor, then NPV, PV of costs, the payback scale, the cumulative net
 * flows at the end (plain and discounted), and the flags of a value that is
 * not a finite number and of one below 0. The same operations, in the same
 * order, as crm_model_summary's for one draw. n4 is n rounded up to 4: every
 * array has room for it.
 */
static inline __attribute__((always_inline)) void line_body(crm_batch *b, double *restrict v,
							    const struct line_sums *ls, size_t n4)
{
	const v4i sign = { INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN };
	const v4d zero = { 0, 0, 0, 0 }, fv = zero + ls->f, pw = zero + ls->pw, aw = zero + ls->aw;
	const v4d t0 = zero + ls->t0, t1 = zero + ls->t1;

	for (size_t j = 0; j < n4; j += 4) {
		v4d x = *(const v4d *)(v + j) * (ls->fac ? *(const v4d *)(ls->fac + j) : fv);
		*(v4d *)(v + j) = x;
		*(v4i *)(b->bad + j) |= (x - x) != zero;
		*(v4i *)(b->neg + j) |= x < zero;
		if (ls->benefit) {
			*(v4d *)(b->npv + j) += x * pw;
		} else {
			*(v4d *)(b->npv + j) += (-x) * pw;
			*(v4d *)(b->pvc + j) += x * pw;
		}
		*(v4d *)(b->scale + j) += (v4d)((v4i)x & ~sign) * aw;
		*(v4d *)(b->cum0 + j) += x * t0;
		*(v4d *)(b->cum1 + j) += x * t1;
	}
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) static void line_avx2(crm_batch *b, double *v,
						      const struct line_sums *ls, size_t n4)
{
	line_body(b, v, ls, n4);
}
#endif

static void line_base(crm_batch *b, double *v, const struct line_sums *ls, size_t n4)
{
	line_body(b, v, ls, n4);
}

/* Every line's value x share x factor, then NPV, PV of costs, the payback scale and sums. */
static void batch_lines(const crm_model *m, crm_batch *b, const crm_batch_draws *d, char *full)
{
	const crm_scenario *sc = m->sc;
	size_t n = d->n, n4 = (n + 3) / 4 * 4;
#if defined(__x86_64__) && defined(__GNUC__)
	int avx2 = __builtin_cpu_supports("avx2");
#endif

	memset(b->npv, 0, n4 * sizeof *b->npv);
	memset(b->pvc, 0, n4 * sizeof *b->pvc);
	memset(b->scale, 0, n4 * sizeof *b->scale);
	memset(b->cum0, 0, n4 * sizeof *b->cum0);
	memset(b->cum1, 0, n4 * sizeof *b->cum1);
	memset(b->bad, 0, n4 * sizeof *b->bad);
	memset(b->neg, 0, n4 * sizeof *b->neg);
	for (size_t l = 0; l < m->nl; l++) {
		double *restrict v = b->val + l * b->stride;
		if (d->line && d->line[l]) {
			memcpy(v, d->line[l], n * sizeof *v);
		} else if (!isnan(m->line_override[l])) {
			for (size_t j = 0; j < n; j++)
				v[j] = m->line_override[l];
		} else {
			crm_expr_eval_n(sc->lines[l].value, b->col, n, b->stack, v);
		}
		for (size_t j = n; j < n4; j++)
			v[j] = 0;
		if (m->adopt[l] >= 0) {
			const double *share = b->col[m->adopt[l]];
			for (size_t j = 0; j < n; j++) {
				full[j] |= !(share[j] >= 0 && share[j] <= 1);
				v[j] *= share[j];
			}
		}
		struct line_sums ls = { m->line_factor[l], NULL, sc->lines[l].kind == CRM_BENEFIT,
					m->pvw[l], m->absw[l], m->cw[0][(size_t)m->n * m->nl + l],
					m->cw[1][(size_t)m->n * m->nl + l] };
		const double *occ = occurs_column(m, d, l);
		if (occ) {
			double on = crm_model_line_counted_(m, l) ? 1.0 : 0.0;
			for (size_t j = 0; j < n4; j++)
				b->fac[j] = j < n && occ[j] != 0 ? on : 0.0;
			ls.fac = b->fac;
		}
#if defined(__x86_64__) && defined(__GNUC__)
		if (avx2) {
			line_avx2(b, v, &ls, n4);
			continue;
		}
#endif
		line_base(b, v, &ls, n4);
	}
	for (size_t j = 0; j < n; j++)
		full[j] |= b->bad[j] != 0 || !isfinite(b->npv[j]) || !isfinite(b->scale[j]);
}

/* ----------------------------------------------------------- payback scan */

/* What a scan group carries: per lane its tolerance, whether it scans, and its result. */
struct scan {
	double tol[SCAN_W], out[SCAN_W];
	int64_t live[SCAN_W];        /* -1 for a lane that scans */
	char undecided[SCAN_W];
};

#define SCAN_ALL(X) X(0) X(1) X(2) X(3)

/*
 * dst0..dst3, the four vectors of lanes, = sum over lines, in line order,
 * of each lane's value times row[l] (one number per line, the same for every
 * lane); vb, stride, nl and zero from the scan.
 */
#define SUM_ROW(dst, row) do { \
		const double *row_ = (row); \
		v4d dst_0 = zero, dst_1 = zero, dst_2 = zero, dst_3 = zero; \
		for (size_t l_ = 0; l_ < nl; l_++) { \
			v4d a_ = { row_[l_], row_[l_], row_[l_], row_[l_] }; \
			const v4d *x_ = (const v4d *)(vb + l_ * stride); \
			dst_0 += x_[0] * a_; \
			dst_1 += x_[1] * a_; \
			dst_2 += x_[2] * a_; \
			dst_3 += x_[3] * a_; \
		} \
		dst##0 = dst_0; \
		dst##1 = dst_1; \
		dst##2 = dst_2; \
		dst##3 = dst_3; \
	} while (0)

/* a where the mask m is set, else b; whether any lane of m is set. */
#define PICK(m, a, b) ((v4d)(((v4i)(a) & (m)) | ((v4i)(b) & ~(m))))
#define ANY4(m) (((m)[0] | (m)[1] | (m)[2] | (m)[3]) != 0)

/*
 * crm_payback_short_ (model.c) for SCAN_W lanes in step: each lane's sums
 * are the products of that function, added in its order, so each lane's
 * result is the same to the last bit. Line l's values for the lanes are at
 * vb + l x stride; nonneg says that every one of them is >= 0, when a
 * segment's lower bound takes each line's least running sum without
 * comparing (the same number the comparison picks). The four vectors of
 * lanes are named, so that they stay in registers.
 */
static inline __attribute__((always_inline)) void
scan_body(const crm_model *m, int d, const double *restrict vb, size_t stride, int nonneg,
	  struct scan *s)
{
	const v4i sign = { INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN };
	const v4d zero = { 0, 0, 0, 0 };
	const v4d *tv = (const v4d *)s->tol;
	const v4i *lv = (const v4i *)s->live;
	const double *cw = m->cw[d];
	size_t nl = m->nl;
#define DECL(q) v4d tol##q = tv[q], acc##q; v4i live##q = lv[q], need##q;
	SCAN_ALL(DECL)
#undef DECL

	for (int sg = m->nseg - 1; sg >= 0 && (sg + 1) * PB_SEG > m->kfirst[d]; sg--) {
		const double *lo = m->cmin[d] + (size_t)sg * nl, *hi = m->cmax[d] + (size_t)sg * nl;
		if (nonneg) {
			SUM_ROW(acc, lo);
		} else {
#define ZERO(q) acc##q = zero;
			SCAN_ALL(ZERO)
#undef ZERO
			for (size_t l = 0; l < nl; l++) {
				v4d a = { lo[l], lo[l], lo[l], lo[l] }, b = { hi[l], hi[l], hi[l], hi[l] };
				const v4d *x = (const v4d *)(vb + l * stride);
#define LOW(q) { v4d p = x[q] * a, r = x[q] * b; acc##q += PICK(p < r, p, r); }
				SCAN_ALL(LOW)
#undef LOW
			}
		}
		v4i any = { 0, 0, 0, 0 };
#define NEED(q) need##q = live##q & (acc##q <= tol##q); any |= need##q;
		SCAN_ALL(NEED)
#undef NEED
		if (!ANY4(any))
			continue;
		int k0 = sg * PB_SEG, k1 = k0 + PB_SEG - 1 < m->n - 1 ? k0 + PB_SEG - 1 : m->n - 1;
		k0 = k0 > m->kfirst[d] ? k0 : m->kfirst[d];
		for (int k = k1; k >= k0; k--) {
			SUM_ROW(acc, cw + (size_t)k * nl);
			v4i hit = { 0, 0, 0, 0 };
#define HIT(q) hit |= need##q & ((acc##q < zero) | ((v4d)((v4i)acc##q & ~sign) <= tol##q));
			SCAN_ALL(HIT)
#undef HIT
			if (!ANY4(hit))
				continue;
			/* The flows of period k + 1, for the lanes whose crossing is in it. */
#define FDECL(q) v4d f##q;
			SCAN_ALL(FDECL)
#undef FDECL
			SUM_ROW(f, (d ? m->wtd : m->wt) + (size_t)(k + 1) * nl);
			v4i left = { 0, 0, 0, 0 };
#define LANES(q) \
			for (int e = 0; e < 4; e++) { \
				double cv = acc##q[e]; \
				if (!need##q[e] || !(cv < 0 || fabs(cv) <= tol##q[e])) \
					continue; \
				int j = q * 4 + e; \
				if (fabs(cv) <= tol##q[e]) \
					s->undecided[j] = 1; \
				else \
					s->out[j] = ((double)k + (-cv) / f##q[e]) * m->mpp; \
				need##q[e] = live##q[e] = 0; \
			} \
			left |= need##q;
			SCAN_ALL(LANES)
#undef LANES
			if (!ANY4(left))
				break;
		}
		v4i alive = { 0, 0, 0, 0 };
#define ALIVE(q) alive |= live##q;
		SCAN_ALL(ALIVE)
#undef ALIVE
		if (!ANY4(alive))
			return;
	}
	/* Lanes still scanning were never below 0. */
#define NEVER(q) \
	for (int e = 0; e < 4; e++) \
		if (live##q[e]) \
			s->out[q * 4 + e] = 0;
	SCAN_ALL(NEVER)
#undef NEVER
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2")))
static void scan_avx2(const crm_model *m, int d, const double *vb, size_t stride, int nonneg,
		      struct scan *s)
{
	scan_body(m, d, vb, stride, nonneg, s);
}
#endif

static void scan_base(const crm_model *m, int d, const double *vb, size_t stride, int nonneg,
		      struct scan *s)
{
	scan_body(m, d, vb, stride, nonneg, s);
}

static void scan(const crm_model *m, int d, const double *vb, size_t stride, int nonneg,
		 struct scan *s)
{
#if defined(__x86_64__) && defined(__GNUC__)
	if (__builtin_cpu_supports("avx2")) {
		scan_avx2(m, d, vb, stride, nonneg, s);
		return;
	}
#endif
	scan_base(m, d, vb, stride, nonneg, s);
}

/*
 * Payback (discounted when d) of every draw not marked full, into out: the
 * cumulative sum at the end, then the scan of groups of SCAN_W consecutive
 * draws, reading the line values in place.
 */
static void batch_payback(const crm_model *m, crm_batch *b, size_t n, int d, char *full,
			  double *out)
{
	const double *cum = d ? b->cum1 : b->cum0;
	struct scan s;

	for (size_t g = 0; g < n; g += SCAN_W) {
		int any = 0, nonneg = 1;
		for (size_t k = 0; k < SCAN_W; k++) {
			size_t j = g + k;
			s.live[k] = 0;
			s.tol[k] = s.out[k] = 0;
			s.undecided[k] = 0;
			if (j >= n)
				continue;
			nonneg &= !b->neg[j];
			if (full[j] || b->tidx[j] >= 0)
				continue;
			double tol = CRM_PAYBACK_REL_TOL * b->scale[j];
			if (fabs(cum[j]) <= tol) {
				full[j] = 1;
			} else if (cum[j] < 0) {
				out[j] = NAN;
			} else {
				s.tol[k] = tol;
				s.live[k] = -1;
				any = 1;
			}
		}
		if (!any)
			continue;
		scan(m, d, b->val + g, b->stride, nonneg, &s);
		for (size_t k = 0; k < SCAN_W && g + k < n; k++) {
			if (!s.live[k])
				continue;
			if (s.undecided[k])
				full[g + k] = 1;
			else
				out[g + k] = s.out[k];
		}
	}
}

/* ------------------------------------------------------ months of a draw */

/* The scratch a batch needs to hand its moved draws to timed models: 0, or -1 on no memory. */
static int timed_scratch(const crm_model *m, crm_batch *b)
{
	if (b->gather)
		return 0;
	size_t ncol = m->ni + 2 * m->nl + 1;
	if (ncol > SIZE_MAX / sizeof *b->gather / b->cap)
		return -1;
	b->gather = malloc(ncol * b->cap * sizeof *b->gather);
	b->gcol = calloc(ncol, sizeof *b->gcol);
	b->gidx = malloc(b->cap * sizeof *b->gidx);
	b->gfull = malloc(b->cap);
	b->gres = malloc(4 * b->cap * sizeof *b->gres);
	if (!b->gather || !b->gcol || !b->gidx || !b->gfull || !b->gres) {
		free(b->gather);
		b->gather = NULL;
		return -1;
	}
	return 0;
}

/* The timed model of months t (hash h): found, or built (-1 when there is no room or memory). */
static int timed_model(const crm_model *m, crm_batch *b, const crm_line_timing *t, uint64_t h)
{
	for (int k = 0; k < b->ntimed; k++)
		if (b->timed[k].hash == h && !memcmp(b->timed[k].m->ttm, t, m->ntimed * sizeof *t))
			return k;
	if (b->ntimed == MAX_TIMED || b->gave_up)
		return -1;
	crm_model *tm = crm_model_timed_(m, t);
	crm_batch *tb = tm ? crm_batch_new(tm, b->cap) : NULL;
	if (!tb) {
		crm_model_free(tm);
		b->gave_up = 1;   /* the full evaluation decides these draws, as before */
		return -1;
	}
	tb->sub = 1;
	b->timed[b->ntimed] = (struct timed){ tm, tb, h };
	return b->ntimed++;
}

/* draws[gidx[c]] for c < n, into col. */
static const double *gathered(const double *draws, const size_t *gidx, size_t n, double *col)
{
	for (size_t c = 0; c < n; c++)
		col[c] = draws[gidx[c]];
	return col;
}

/*
 * The draws that move lines' months: each decided by the short way on the
 * model built at its months (crm_model_timed_), the draws with the same
 * months together, their results put in place of the full evaluation's;
 * b->tidx says which model decided each draw (for crm_batch_flows). A draw
 * the timed model cannot decide either stays marked full.
 */
static void resolve_moved(const crm_model *m, crm_batch *b, const crm_batch_draws *d,
			  int want_payback, int want_dpayback, crm_batch_result *r)
{
	size_t n = d->n, ni = m->ni, nl = m->nl;

	for (size_t j = 0; j < n + 8; j++)
		b->tidx[j] = -1;
	if (b->sub || !b->timing_drawn || !m->ntimed || m->ndays || m->any_line_df)
		return;
	int any = 0;
	for (size_t j = 0; j < n && !any; j++)
		any = (r->full[j] & CRM_BATCH_MONTHS) && b->tdraw[j * m->ntimed].start != INT_MIN;
	if (!any || timed_scratch(m, b) != 0)
		return;
	int last = -1;   /* the previous draw's model: draws often share months */
	for (size_t j = 0; j < n; j++) {
		const crm_line_timing *t = b->tdraw + j * m->ntimed;
		if (!(r->full[j] & CRM_BATCH_MONTHS) || t->start == INT_MIN)
			continue;
		uint64_t h = timing_hash(t, m->ntimed);
		if (last >= 0 && b->timed[last].hash == h &&
		    !memcmp(b->timed[last].m->ttm, t, m->ntimed * sizeof *t))
			b->tidx[j] = last;
		else
			b->tidx[j] = last = timed_model(m, b, t, h);
	}
	for (int k = 0; k < b->ntimed; k++) {
		size_t cnt = 0;
		for (size_t j = 0; j < n; j++)
			if (b->tidx[j] == k)
				b->gidx[cnt++] = j;
		if (!cnt)
			continue;
		const double **gin = b->gcol, **gline = b->gcol + ni, **gocc = b->gcol + ni + nl;
		for (size_t i = 0; i < ni; i++)
			gin[i] = d->input && d->input[i]
				 ? gathered(d->input[i], b->gidx, cnt, b->gather + i * b->cap) : NULL;
		for (size_t l = 0; l < nl; l++) {
			gline[l] = d->line && d->line[l]
				   ? gathered(d->line[l], b->gidx, cnt, b->gather + (ni + l) * b->cap) : NULL;
			gocc[l] = d->occurs && d->occurs[l]
				  ? gathered(d->occurs[l], b->gidx, cnt, b->gather + (ni + nl + l) * b->cap)
				  : NULL;
		}
		const crm_batch_draws gd = { cnt, d->input ? gin : NULL, d->line ? gline : NULL,
					     d->occurs ? gocc : NULL };
		crm_batch_result gr = { b->gres, b->gres + b->cap, b->gres + 2 * b->cap,
					b->gres + 3 * b->cap, b->gfull };
		const struct timed *t = &b->timed[k];
		int ok = crm_model_summary_batch(t->m, t->b, &gd, want_payback, want_dpayback, &gr) ==
			 CRM_OK;
		for (size_t c = 0; c < cnt; c++) {
			size_t j = b->gidx[c];
			if (!ok || gr.full[c]) {
				b->tidx[j] = -1;   /* the full evaluation, as before */
				continue;
			}
			r->full[j] = 0;
			r->npv[j] = gr.npv[c];
			r->pv_costs[j] = gr.pv_costs[c];
			if (want_payback)
				r->payback[j] = gr.payback[c];
			if (want_dpayback)
				r->dpayback[j] = gr.dpayback[c];
		}
	}
}

crm_status crm_model_summary_batch(const crm_model *m, crm_batch *b, const crm_batch_draws *d,
				   int want_payback, int want_dpayback, crm_batch_result *r)
{
	size_t n = d->n;

	if (n > b->cap)
		return CRM_EUSAGE;
	memset(r->full, 0, n);
	batch_inputs(m, b, d, r->full);
	batch_lines(m, b, d, r->full);
	memcpy(r->npv, b->npv, n * sizeof *r->npv);
	memcpy(r->pv_costs, b->pvc, n * sizeof *r->pv_costs);
	resolve_moved(m, b, d, want_payback, want_dpayback, r);
	if (want_payback)
		batch_payback(m, b, n, 0, r->full, r->payback);
	if (want_dpayback)
		batch_payback(m, b, n, 1, r->full, r->dpayback);
	return CRM_OK;
}

void crm_batch_dated_flows(const crm_model *m, crm_batch *b, size_t j, double *net, double *v)
{
	double *tmp = b->vb;

	for (size_t l = 0; l < m->nl; l++)
		tmp[l] = b->val[l * b->stride + j];
	crm_model_dated_flows_(m, tmp, net, v);
}

void crm_batch_flows(const crm_model *m, crm_batch *b, size_t j, double *net)
{
	double *tmp = b->vb;

	for (size_t l = 0; l < m->nl; l++)
		tmp[l] = b->val[l * b->stride + j];
	/* A draw that moved months: the weights of the model built at its months. */
	if (b->tidx[j] >= 0)
		m = b->timed[b->tidx[j]].m;
	crm_model_flows_(m, m->wl, tmp, net);
}
