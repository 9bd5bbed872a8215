/*
 * plan.c - the roll-out plan as an optimisation: which areas go live in
 * which slot (crmroi/plan.h has the method). The parts, in order: what each
 * area adds in each slot (the decomposition), the checks of a plan against
 * the limits from those parts, the branch and bound, the P10 heuristic, why
 * each area of the best plan has its slot, and the full evaluation of the
 * plans shown.
 */
#include "crmroi/plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "crmroi/case.h"
#include "crmroi/model.h"
#include "crmroi/sample.h"
#include "crmroi/simulate.h"

#define DEFAULT_MAX_NODES 5000000u
#define MAX_KEEP 10
/* Most values the decomposition keeps (variants x draws, variants x months): 64 MB each. */
#define MAX_PART_VALUES (8u * 1000 * 1000)
/* Rounds of the P10 heuristic's improvement, one area at a time. */
#define P10_ROUNDS 50
/* The after-tax objective: the best plans before tax computed in full after tax, and rounds
 * and evaluations of its improvement one area at a time. */
#define AFTER_TAX_POOL 20
#define AFTER_TAX_ROUNDS 3
#define AFTER_TAX_EVALS 400
/* Plans the frontier is drawn from, at most. */
#define MAX_CONSIDERED 4096

/* One plan found by the search, with its value by the objective. */
struct found {
	int *golive;
	double value;
	double mean, p10;
};

struct search {
	crm_scenario *sc;
	const crm_plan_options *opt;
	size_t na;
	int ns, years, months;
	uint64_t nd;                 /* draws (0: base case only) */
	/* The decomposition: variant 0 has every area left out; variant v(a, s) area a in slot s. */
	size_t *vix;                 /* na x (ns + 1): the variant of (a, s), 0 when not allowed */
	size_t nv;
	double *npv;                 /* nv: the base case's NPV */
	double *year_cost;           /* nv x (years + 1): costs per year, Initial in year 1 */
	double *month_net;           /* nv x (months + 1) */
	double *draw;                /* nv x nd: NPV per draw */
	double *val;                 /* nv: the objective's sum of the variant less variant 0 */
	int costs_grow;              /* no area's costs lower a year's: the budget prunes early */
	/* The search. */
	size_t *order;               /* areas, each after those it depends on */
	double *rest;                /* na + 1: the best the areas from depth d on can add */
	int *cur;                    /* the plan being built */
	double *cost_at;             /* (na + 1) x (years + 1): each depth's year costs */
	int *golives;                /* ns + 1 */
	double *effort;              /* ns + 1 */
	uint64_t nodes;
	int stopped;
	struct found *top;           /* the keep + 1 best, best first */
	size_t ntop, ktop;
	double *scratch_net, *scratch_draw;
	crm_error *err;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* ------------------------------------------------------ the decomposition */

struct capture {
	double *out;
	uint64_t n;
};

static int capture_npv(void *ctx, uint64_t first, size_t count, size_t nitems, const double *items,
		       const double *metrics)
{
	struct capture *c = ctx;
	(void)nitems;
	(void)items;
	for (size_t i = 0; i < count && first + i < c->n; i++)
		c->out[first + i] = metrics[i * CRM_SIM_NMETRICS + CRM_SIM_NPV];
	return 0;
}

static void sim_options(const struct search *s, crm_sim_options *so)
{
	memset(so, 0, sizeof *so);
	so->n = s->opt->n;
	so->seed = s->opt->seed;
	so->jobs = s->opt->jobs;
	so->hist_bins = 20;
}

/* Variant v: the scenario as sc is now; its base case and, under uncertainty, its draws. */
static crm_status measure(struct search *s, size_t v)
{
	crm_case_options co = { 0, CRM_CASE_BEFORE_RISK | CRM_CASE_GATES | CRM_CASE_PEAK };
	crm_case *c = crm_case_new(s->sc, &co, s->err);

	if (!c)
		return s->err->status ? s->err->status : CRM_ENOMEM;
	s->npv[v] = c->m.npv;
	double *yc = s->year_cost + v * (size_t)(s->years + 1);
	memset(yc, 0, (size_t)(s->years + 1) * sizeof *yc);
	for (int p = 0; p <= c->cf->nperiods; p++) {
		int y = crm_cashflow_year_of(c->cf, p);
		yc[y < 1 ? 1 : y > s->years ? s->years : y] += c->cf->costs[p];
	}
	crm_cashflow_month_net(c->model, c->cf, s->month_net + v * (size_t)(s->months + 1));
	crm_case_free(c);
	if (!s->nd)
		return CRM_OK;
	crm_sim_options so;
	crm_sim_result r;
	struct capture cap = { s->draw + v * s->nd, s->nd };
	sim_options(s, &so);
	so.samples = capture_npv;
	so.samples_ctx = &cap;
	memset(&r, 0, sizeof r);
	crm_status st = crm_simulate(s->sc, &so, &r, s->err);
	crm_sim_result_free(&r);
	return st;
}

static crm_status decompose(struct search *s)
{
	crm_scenario *sc = s->sc;
	size_t na = s->na, w = (size_t)s->ns + 1;
	crm_status st;

	s->vix = calloc(na * w, sizeof *s->vix);
	if (!s->vix)
		return crm_error_set(s->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	s->nv = 1;
	for (size_t a = 0; a < na; a++)
		for (int k = sc->areas[a].first_slot; k <= sc->areas[a].last_slot; k++)
			s->vix[a * w + (size_t)k] = s->nv++;
	if (s->nv > MAX_PART_VALUES / (size_t)(s->months + 1) ||
	    (s->nd && s->nv > MAX_PART_VALUES / s->nd))
		return crm_error_set(s->err, CRM_EUSAGE, NULL, 0, 0, "the plan has %zu area slots; "
				     "with %d months and %llu draws that is more than the %u values "
				     "the search keeps (expected fewer draws, -n, or a longer "
				     "plan_slot)", s->nv - 1, s->months, (unsigned long long)s->nd,
				     MAX_PART_VALUES);
	s->npv = calloc(s->nv, sizeof *s->npv);
	s->val = calloc(s->nv, sizeof *s->val);
	s->year_cost = calloc(s->nv * (size_t)(s->years + 1), sizeof *s->year_cost);
	s->month_net = calloc(s->nv * (size_t)(s->months + 1), sizeof *s->month_net);
	s->draw = s->nd ? calloc(s->nv * s->nd, sizeof *s->draw) : NULL;
	if (!s->npv || !s->val || !s->year_cost || !s->month_net || (s->nd && !s->draw))
		return crm_error_set(s->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	for (size_t a = 0; a < na; a++)
		crm_scenario_set_golive(sc, a, CRM_GOLIVE_SKIP);
	if ((st = measure(s, 0)) != CRM_OK)
		return st;
	for (size_t a = 0; a < na; a++) {
		for (int k = sc->areas[a].first_slot; k <= sc->areas[a].last_slot; k++) {
			crm_scenario_set_golive(sc, a, k);
			if ((st = measure(s, s->vix[a * w + (size_t)k])) != CRM_OK)
				return st;
		}
		crm_scenario_set_golive(sc, a, CRM_GOLIVE_SKIP);
	}
	/* What each variant adds: the base case's NPV, or the mean over the draws. */
	s->costs_grow = 1;
	for (size_t v = 1; v < s->nv; v++) {
		if (s->nd) {
			double sum = 0;
			for (uint64_t d = 0; d < s->nd; d++)
				sum += s->draw[v * s->nd + d] - s->draw[d];
			s->val[v] = sum / (double)s->nd;
		} else {
			s->val[v] = s->npv[v] - s->npv[0];
		}
		for (int y = 1; y <= s->years; y++)
			if (s->year_cost[v * (size_t)(s->years + 1) + (size_t)y] <
			    s->year_cost[(size_t)y] - 1e-9 * (1 + fabs(s->year_cost[(size_t)y])))
				s->costs_grow = 0;
	}
	return CRM_OK;
}

/* ------------------------------------------------ a plan against the limits */

static size_t variant_of(const struct search *s, size_t a, int g)
{
	return g > 0 ? s->vix[a * ((size_t)s->ns + 1) + (size_t)g] : 0;
}

/* Plan g's NPV in each draw, into out (nd values). */
static void plan_draws(const struct search *s, const int *g, double *out)
{
	for (uint64_t d = 0; d < s->nd; d++)
		out[d] = s->draw[d];
	for (size_t a = 0; a < s->na; a++) {
		size_t v = variant_of(s, a, g[a]);
		if (!v)
			continue;
		const double *x = s->draw + v * s->nd;
		for (uint64_t d = 0; d < s->nd; d++)
			out[d] += x[d] - s->draw[d];
	}
}

/* The P10 and mean of plan g's draws (the draws sorted in scratch). */
static void plan_stats(struct search *s, const int *g, double *mean, double *p10, double *p_loss)
{
	double *x = s->scratch_draw;
	uint64_t n = 0, neg = 0;
	double sum = 0;

	plan_draws(s, g, x);
	for (uint64_t d = 0; d < s->nd; d++)
		if (!isnan(x[d])) {
			x[n++] = x[d];
			sum += x[d];
			neg += x[d] < 0;
		}
	if (!n) {
		*mean = *p10 = *p_loss = NAN;
		return;
	}
	qsort(x, n, sizeof *x, cmp_double);
	*mean = sum / (double)n;
	*p10 = gsl_stats_quantile_from_sorted_data(x, 1, n, 0.10);
	*p_loss = (double)neg / (double)n;
}

/* The dependencies of area a in plan g; the first broken in *why. */
static int after_ok(const crm_scenario *sc, const int *g, size_t a, crm_plan_why *why)
{
	const crm_plan_area *ar = &sc->areas[a];

	if (g[a] <= 0)
		return 1;
	for (size_t k = 0; k < ar->nafter; k++) {
		int b = ar->after[k].area;
		if (g[b] == CRM_GOLIVE_AS_WRITTEN)
			continue;
		if (g[b] == CRM_GOLIVE_SKIP || g[a] < g[b] + ar->after[k].lag) {
			*why = (crm_plan_why){ .reason = CRM_REASON_AFTER, .other = b,
				.lag = ar->after[k].lag, .area = (int)a };
			return 0;
		}
	}
	return 1;
}

/*
 * Whether plan g (every area a slot or left out) keeps within the limits,
 * from the decomposition; the first limit broken in *why.
 */
static int plan_ok(struct search *s, const int *g, crm_plan_why *why)
{
	const crm_scenario *sc = s->sc;
	const crm_settings *st = &sc->settings;
	size_t yw = (size_t)s->years + 1, mw = (size_t)s->months + 1;

	for (size_t a = 0; a < s->na; a++) {
		if (g[a] == CRM_GOLIVE_SKIP && !sc->areas[a].skip_ok) {
			*why = (crm_plan_why){ .reason = CRM_REASON_REQUIRED, .other = (int)a };
			return 0;
		}
		if (!after_ok(sc, g, a, why))
			return 0;
	}
	for (int k = 1; k <= s->ns; k++) {
		int n = 0;
		double e = 0;
		for (size_t a = 0; a < s->na; a++)
			if (g[a] == k) {
				n++;
				e += sc->areas[a].effort;
			}
		if (st->plan_golives && n > st->plan_golives) {
			*why = (crm_plan_why){ .reason = CRM_REASON_GOLIVES, .other = k, .amount = n };
			return 0;
		}
		if (st->plan_effort > 0 && e > st->plan_effort * (1 + 1e-12)) {
			*why = (crm_plan_why){ .reason = CRM_REASON_EFFORT, .other = k, .amount = e };
			return 0;
		}
	}
	if (st->plan_budget > 0)
		for (int y = 1; y <= s->years; y++) {
			double c = s->year_cost[(size_t)y];
			for (size_t a = 0; a < s->na; a++) {
				size_t v = variant_of(s, a, g[a]);
				if (v)
					c += s->year_cost[v * yw + (size_t)y] - s->year_cost[(size_t)y];
			}
			if (c > st->plan_budget * (1 + 1e-12)) {
				*why = (crm_plan_why){ .reason = CRM_REASON_BUDGET, .other = y, .amount = c };
				return 0;
			}
		}
	if (st->plan_peak_funding > 0) {
		double cum = 0, low = 0;
		for (size_t m = 0; m < mw; m++) {
			double x = s->month_net[m];
			for (size_t a = 0; a < s->na; a++) {
				size_t v = variant_of(s, a, g[a]);
				if (v)
					x += s->month_net[v * mw + m] - s->month_net[m];
			}
			cum += x;
			low = cum < low ? cum : low;
		}
		if (-low > st->plan_peak_funding * (1 + 1e-12)) {
			*why = (crm_plan_why){ .reason = CRM_REASON_PEAK, .amount = -low };
			return 0;
		}
	}
	if (st->max_loss_given) {
		double p_loss;
		if (s->nd) {
			double mean, p10;
			plan_stats(s, g, &mean, &p10, &p_loss);
		} else {
			double npv = s->npv[0];
			for (size_t a = 0; a < s->na; a++)
				npv += s->npv[variant_of(s, a, g[a])] - s->npv[0];
			p_loss = npv < 0;
		}
		if (!(p_loss <= st->max_loss_probability)) {
			*why = (crm_plan_why){ .reason = CRM_REASON_LOSS, .amount = p_loss };
			return 0;
		}
	}
	why->reason = CRM_REASON_NONE;
	return 1;
}

/* Plan g's value by the search's sum (base case NPV or mean). */
static double plan_sum(const struct search *s, const int *g)
{
	double v = s->nd ? 0 : s->npv[0];

	if (s->nd) {
		for (uint64_t d = 0; d < s->nd; d++)
			v += s->draw[d];
		v /= (double)s->nd;
	}
	for (size_t a = 0; a < s->na; a++)
		v += s->val[variant_of(s, a, g[a])];
	return v;
}

/* ---------------------------------------------------------- the search */

static int same_plan(const int *a, const int *b, size_t n)
{
	return !memcmp(a, b, n * sizeof *a);
}

/* Keep plan g (value v) among the best ktop, best first. */
static int keep_plan(struct search *s, const int *g, double v)
{
	size_t i;

	for (i = 0; i < s->ntop; i++)
		if (same_plan(s->top[i].golive, g, s->na))
			return 0;
	if (s->ntop == s->ktop && !(v > s->top[s->ntop - 1].value))
		return 0;
	if (s->ntop < s->ktop) {
		s->top[s->ntop].golive = malloc((s->na + 1) * sizeof *g);
		if (!s->top[s->ntop].golive)
			return -1;
		s->ntop++;
	}
	/* The last slot's array is reused for the new plan. */
	int *mem = s->top[s->ntop - 1].golive;
	for (i = s->ntop - 1; i > 0 && s->top[i - 1].value < v; i--)
		s->top[i] = s->top[i - 1];
	s->top[i].golive = mem;
	s->top[i].value = v;
	memcpy(mem, g, s->na * sizeof *g);
	return 0;
}

static double threshold(const struct search *s)
{
	return s->ntop == s->ktop ? s->top[s->ntop - 1].value : -INFINITY;
}

static int dfs(struct search *s, size_t depth, double value)
{
	const crm_scenario *sc = s->sc;
	const crm_settings *st = &sc->settings;
	size_t yw = (size_t)s->years + 1;

	if (s->stopped)
		return 0;
	if (++s->nodes > (s->opt->max_nodes ? s->opt->max_nodes : DEFAULT_MAX_NODES)) {
		s->stopped = 1;
		return 0;
	}
	if (depth == s->na) {
		crm_plan_why why;
		if (plan_ok(s, s->cur, &why))
			return keep_plan(s, s->cur, value);
		return 0;
	}
	size_t a = s->order[depth];
	const crm_plan_area *ar = &sc->areas[a];
	const double *cost = s->cost_at + depth * yw;
	double *next_cost = s->cost_at + (depth + 1) * yw;
	/* The choices, the most valuable first: slots, then leaving it out (value 0). */
	int nch = 0, ch[1024];
	double chv[1024];
	for (int k = ar->first_slot; k <= ar->last_slot && nch < 1023; k++) {
		ch[nch] = k;
		chv[nch++] = s->val[variant_of(s, a, k)];
	}
	if (ar->skip_ok) {
		ch[nch] = CRM_GOLIVE_SKIP;
		chv[nch++] = 0;
	}
	for (int i = 1; i < nch; i++)
		for (int j = i; j > 0 && chv[j] > chv[j - 1]; j--) {
			double tv = chv[j];
			int tc = ch[j];
			chv[j] = chv[j - 1];
			ch[j] = ch[j - 1];
			chv[j - 1] = tv;
			ch[j - 1] = tc;
		}
	for (int i = 0; i < nch; i++) {
		int g = ch[i];
		double v = value + chv[i];
		/* Sorted: once the bound fails, it fails for the rest. */
		if (v + s->rest[depth + 1] < threshold(s) - 1e-9 * (1 + fabs(threshold(s))))
			break;
		s->cur[a] = g;
		crm_plan_why why;
		if (!after_ok(sc, s->cur, a, &why))
			continue;
		/* A dependency left out leaves nothing to come after it. */
		int dep_skipped = 0;
		for (size_t k = 0; k < ar->nafter; k++)
			dep_skipped |= s->cur[ar->after[k].area] == CRM_GOLIVE_SKIP;
		if (dep_skipped && g != CRM_GOLIVE_SKIP)
			continue;
		if (g > 0) {
			if (st->plan_golives && s->golives[g] + 1 > st->plan_golives)
				continue;
			if (st->plan_effort > 0 && s->effort[g] + ar->effort > st->plan_effort * (1 + 1e-12))
				continue;
		}
		size_t var = variant_of(s, a, g);
		int over = 0;
		for (int y = 1; y <= s->years; y++) {
			next_cost[y] = cost[y] + (var ? s->year_cost[var * yw + (size_t)y] -
						  s->year_cost[(size_t)y] : 0);
			over |= st->plan_budget > 0 && s->costs_grow &&
				next_cost[y] > st->plan_budget * (1 + 1e-12);
		}
		if (over)
			continue;
		if (g > 0) {
			s->golives[g]++;
			s->effort[g] += ar->effort;
		}
		int rc = dfs(s, depth + 1, v);
		if (g > 0) {
			s->golives[g]--;
			s->effort[g] -= ar->effort;
		}
		if (rc)
			return rc;
	}
	s->cur[a] = CRM_GOLIVE_SKIP;
	return 0;
}

/* The areas in an order where each comes after those it depends on. */
static void topo_order(const crm_scenario *sc, size_t *order)
{
	size_t n = 0, na = sc->nareas;
	unsigned char done[CRM_MAX_AREAS] = { 0 };

	while (n < na)
		for (size_t a = 0; a < na; a++) {
			if (done[a])
				continue;
			int ready = 1;
			for (size_t k = 0; k < sc->areas[a].nafter; k++)
				ready &= done[sc->areas[a].after[k].area];
			if (ready) {
				done[a] = 1;
				order[n++] = a;
			}
		}
}

/* ----------------------------------------------------- the P10 heuristic */

/*
 * From the best plan by expected NPV, change one area at a time to the
 * choice that raises P10 most while the plan keeps within the limits, until
 * no change raises it. Every plan tried goes to considered (for the frontier).
 */
static int improve_p10(struct search *s, int *g, double *best_p10, struct found *considered,
		       size_t *nconsidered)
{
	const crm_scenario *sc = s->sc;
	int *t = malloc((s->na + 1) * sizeof *t);
	double mean, p10, pl;

	if (!t)
		return -1;
	plan_stats(s, g, &mean, best_p10, &pl);
	for (int round = 0; round < P10_ROUNDS; round++) {
		size_t best_a = 0;
		int best_g = 0, found = 0;
		for (size_t a = 0; a < s->na; a++) {
			const crm_plan_area *ar = &sc->areas[a];
			for (int k = ar->skip_ok ? ar->first_slot - 1 : ar->first_slot; k <= ar->last_slot; k++) {
				int c = k < ar->first_slot ? CRM_GOLIVE_SKIP : k;
				if (c == g[a])
					continue;
				memcpy(t, g, s->na * sizeof *t);
				t[a] = c;
				crm_plan_why why;
				if (!plan_ok(s, t, &why))
					continue;
				plan_stats(s, t, &mean, &p10, &pl);
				if (*nconsidered < MAX_CONSIDERED) {
					struct found *f = &considered[*nconsidered];
					f->golive = malloc((s->na + 1) * sizeof *t);
					if (!f->golive) {
						free(t);
						return -1;
					}
					memcpy(f->golive, t, s->na * sizeof *t);
					f->mean = mean;
					f->p10 = p10;
					(*nconsidered)++;
				}
				if (p10 > *best_p10 + 1e-9 * (1 + fabs(*best_p10))) {
					*best_p10 = p10;
					best_a = a;
					best_g = c;
					found = 1;
				}
			}
		}
		if (!found)
			break;
		g[best_a] = best_g;
	}
	free(t);
	return 0;
}

/* --------------------------------------------------------------- why */

static void explain(struct search *s, const int *g, crm_plan_why *why)
{
	const crm_scenario *sc = s->sc;
	int *t = malloc((s->na + 1) * sizeof *t);

	if (!t)
		return;
	for (size_t a = 0; a < s->na; a++) {
		const crm_plan_area *ar = &sc->areas[a];
		crm_plan_why w = { .reason = CRM_REASON_NONE };
		memcpy(t, g, s->na * sizeof *t);
		if (g[a] > 0 && g[a] == ar->first_slot) {
			w.reason = CRM_REASON_FIRST_SLOT;
		} else if (g[a] > 0) {
			/* Why not a slot earlier? */
			t[a] = g[a] - 1;
			if (plan_ok(s, t, &w))
				w = (crm_plan_why){ .reason = CRM_REASON_WORTH_LESS,
					.amount = s->val[variant_of(s, a, g[a])] -
						  s->val[variant_of(s, a, t[a])] };
		} else {
			/* Left out: what it would add at its best slot, and why not there. */
			int bk = ar->first_slot;
			for (int k = ar->first_slot; k <= ar->last_slot; k++)
				if (s->val[variant_of(s, a, k)] > s->val[variant_of(s, a, bk)])
					bk = k;
			double add = s->val[variant_of(s, a, bk)];
			if (!(add > 0)) {
				w = (crm_plan_why){ .reason = CRM_REASON_NEGATIVE, .other = bk, .amount = add };
			} else {
				t[a] = bk;
				if (plan_ok(s, t, &w))
					w = (crm_plan_why){ .reason = CRM_REASON_WORTH_LESS, .other = bk, .amount = add };
				w.slot = bk;
			}
		}
		why[a] = w;
	}
	free(t);
}

/* ------------------------------------------------------- full evaluation */

void crm_plan_apply(crm_scenario *sc, const int *golive)
{
	for (size_t a = 0; a < sc->nareas; a++)
		crm_scenario_set_golive(sc, a, golive[a]);
}

/*
 * Plan g in full: applied to the scenario, its case (and simulation), and
 * the limits checked on those figures (what run and simulate of the plan
 * written as a scenario give).
 */
static crm_status evaluate(struct search *s, const int *g, crm_plan_eval *ev)
{
	crm_scenario *sc = s->sc;
	const crm_settings *st = &sc->settings;
	crm_case_options co = { 0, CRM_CASE_BEFORE_RISK | CRM_CASE_GATES };
	crm_status rc;

	ev->golive = malloc((s->na + 1) * sizeof *ev->golive);
	if (!ev->golive)
		return crm_error_set(s->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	memcpy(ev->golive, g, s->na * sizeof *g);
	crm_plan_apply(sc, g);
	crm_case *c = crm_case_new(sc, &co, s->err);
	if (!c)
		return s->err->status ? s->err->status : CRM_ENOMEM;
	ev->npv = c->m.npv;
	ev->has_tax = c->has_tax;
	ev->npv_after_tax = c->has_tax ? c->at.metrics.npv : NAN;
	ev->peak_funding = c->peak_funding;
	ev->peak_month = c->peak_month;
	ev->total_costs = c->m.total_costs;
	double yc[CRM_MAX_HORIZON_YEARS + 1] = { 0 };
	for (int p = 0; p <= c->cf->nperiods; p++) {
		int y = crm_cashflow_year_of(c->cf, p);
		yc[y < 1 ? 1 : y > s->years ? s->years : y] += c->cf->costs[p];
	}
	ev->max_year = 1;
	for (int y = 1; y <= s->years; y++)
		if (yc[y] > yc[ev->max_year])
			ev->max_year = y;
	ev->max_year_costs = yc[ev->max_year];
	crm_case_free(c);
	ev->mean = ev->p10 = ev->p_loss = ev->mean_after_tax = NAN;
	if (s->nd) {
		crm_sim_options so;
		crm_sim_result r;
		sim_options(s, &so);
		so.metrics[CRM_SIM_AFTER_TAX_NPV] = s->opt->objective == CRM_PLAN_AFTER_TAX;
		memset(&r, 0, sizeof r);
		rc = crm_simulate(sc, &so, &r, s->err);
		if (rc == CRM_OK) {
			ev->mean = r.metric[CRM_SIM_NPV].mean;
			ev->p10 = r.metric[CRM_SIM_NPV].pct[1];
			ev->p_loss = r.p_npv_negative;
			if (so.metrics[CRM_SIM_AFTER_TAX_NPV])
				ev->mean_after_tax = r.metric[CRM_SIM_AFTER_TAX_NPV].mean;
		}
		crm_sim_result_free(&r);
		if (rc != CRM_OK)
			return rc;
	}
	switch (s->opt->objective) {
	case CRM_PLAN_P10: ev->objective = ev->p10; break;
	case CRM_PLAN_AFTER_TAX: ev->objective = s->nd ? ev->mean_after_tax : ev->npv_after_tax; break;
	default: ev->objective = s->nd ? ev->mean : ev->npv; break;
	}
	/* The limits, on these figures. */
	ev->max_golives = 0;
	ev->max_effort = 0;
	ev->feasible = 1;
	ev->broken.reason = CRM_REASON_NONE;
	for (int k = 1; k <= s->ns; k++) {
		int n = 0;
		double e = 0;
		for (size_t a = 0; a < s->na; a++)
			if (g[a] == k) {
				n++;
				e += sc->areas[a].effort;
			}
		ev->max_golives = n > ev->max_golives ? n : ev->max_golives;
		ev->max_effort = e > ev->max_effort ? e : ev->max_effort;
		if (ev->feasible && st->plan_golives && n > st->plan_golives) {
			ev->feasible = 0;
			ev->broken = (crm_plan_why){ .reason = CRM_REASON_GOLIVES, .other = k, .amount = n };
		}
		if (ev->feasible && st->plan_effort > 0 && e > st->plan_effort * (1 + 1e-12)) {
			ev->feasible = 0;
			ev->broken = (crm_plan_why){ .reason = CRM_REASON_EFFORT, .other = k, .amount = e };
		}
	}
	/* Areas as written have no slot: their go-lives are not counted. */
	for (size_t a = 0; a < s->na; a++)
		if (g[a] == CRM_GOLIVE_AS_WRITTEN)
			ev->max_golives = -1;
	for (size_t a = 0; a < s->na && ev->feasible; a++) {
		crm_plan_why why;
		if (g[a] == CRM_GOLIVE_SKIP && !sc->areas[a].skip_ok) {
			ev->feasible = 0;
			ev->broken = (crm_plan_why){ .reason = CRM_REASON_REQUIRED, .other = (int)a };
		} else if (!after_ok(sc, g, a, &why)) {
			ev->feasible = 0;
			ev->broken = why;
		}
	}
	for (int y = 1; y <= s->years && ev->feasible; y++)
		if (st->plan_budget > 0 && yc[y] > st->plan_budget * (1 + 1e-12)) {
			ev->feasible = 0;
			ev->broken = (crm_plan_why){ .reason = CRM_REASON_BUDGET, .other = y,
				.amount = yc[y] };
		}
	if (ev->feasible && st->plan_peak_funding > 0 &&
	    -ev->peak_funding > st->plan_peak_funding * (1 + 1e-12)) {
		ev->feasible = 0;
		ev->broken = (crm_plan_why){ .reason = CRM_REASON_PEAK, .amount = -ev->peak_funding };
	}
	double pl = s->nd ? ev->p_loss : ev->npv < 0;
	if (ev->feasible && st->max_loss_given && !(pl <= st->max_loss_probability)) {
		ev->feasible = 0;
		ev->broken = (crm_plan_why){ .reason = CRM_REASON_LOSS, .amount = pl };
	}
	return CRM_OK;
}

/* ------------------------------------------------------------ the whole */

static void search_free(struct search *s)
{
	free(s->vix);
	free(s->npv);
	free(s->val);
	free(s->year_cost);
	free(s->month_net);
	free(s->draw);
	free(s->order);
	free(s->rest);
	free(s->cur);
	free(s->cost_at);
	free(s->golives);
	free(s->effort);
	for (size_t i = 0; i < s->ntop; i++)
		free(s->top[i].golive);
	free(s->top);
	free(s->scratch_net);
	free(s->scratch_draw);
}

static void eval_free(crm_plan_eval *ev)
{
	free(ev->golive);
	ev->golive = NULL;
}

void crm_plan_result_free(crm_plan_result *res)
{
	if (!res)
		return;
	eval_free(&res->best);
	eval_free(&res->written);
	eval_free(&res->bigbang);
	for (size_t i = 0; i < res->nnext; i++)
		eval_free(&res->next[i]);
	free(res->next);
	for (size_t i = 0; i < res->nfrontier; i++)
		eval_free(&res->frontier[i]);
	free(res->frontier);
	free(res->why);
	free(res->alone);
	memset(res, 0, sizeof *res);
}

static int frontier_cmp(const void *pa, const void *pb)
{
	const struct found *a = pa, *b = pb;
	return a->mean > b->mean ? -1 : a->mean < b->mean;
}

/*
 * The after-tax objective: the plans the search kept (the best before tax),
 * each computed in full after tax; the best of them moved one area at a
 * time while its NPV after tax rises, each plan tried computed in full.
 * The best in g, the others kept in pool (best first) for the next plans.
 */
static crm_status improve_after_tax(struct search *s, int *g, crm_plan_eval *pool, size_t *npool)
{
	const crm_scenario *sc = s->sc;
	crm_status st;
	size_t n = 0, best = 0, evals = 0;
	int *t = malloc((s->na + 1) * sizeof *t);

	if (!t)
		return crm_error_set(s->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	for (size_t i = 0; i < s->ntop; i++) {
		if ((st = evaluate(s, s->top[i].golive, &pool[n])) != CRM_OK) {
			n++;
			goto out;
		}
		if (pool[n].feasible && (!pool[best].feasible || pool[n].objective > pool[best].objective))
			best = n;
		n++;
	}
	memcpy(g, pool[best].golive, s->na * sizeof *g);
	double value = pool[best].objective;
	for (int round = 0; round < AFTER_TAX_ROUNDS && evals < AFTER_TAX_EVALS; round++) {
		int moved = 0;
		for (size_t a = 0; a < s->na && evals < AFTER_TAX_EVALS; a++) {
			const crm_plan_area *ar = &sc->areas[a];
			for (int k = ar->skip_ok ? ar->first_slot - 1 : ar->first_slot;
			     k <= ar->last_slot && evals < AFTER_TAX_EVALS; k++) {
				int c = k < ar->first_slot ? CRM_GOLIVE_SKIP : k;
				crm_plan_why why;
				if (c == g[a])
					continue;
				memcpy(t, g, s->na * sizeof *t);
				t[a] = c;
				if (!plan_ok(s, t, &why))
					continue;
				crm_plan_eval ev;
				memset(&ev, 0, sizeof ev);
				st = evaluate(s, t, &ev);
				evals++;
				if (st != CRM_OK) {
					eval_free(&ev);
					goto out;
				}
				if (ev.feasible && ev.objective > value + 1e-9 * (1 + fabs(value))) {
					value = ev.objective;
					memcpy(g, t, s->na * sizeof *g);
					moved = 1;
				}
				eval_free(&ev);
			}
		}
		if (!moved)
			break;
	}
	st = CRM_OK;
out:
	free(t);
	*npool = n;
	return st;
}

static crm_status run(struct search *s, crm_plan_result *res)
{
	crm_scenario *sc = s->sc;
	size_t na = s->na, yw = (size_t)s->years + 1;
	crm_status st;
	struct found *considered = NULL;
	size_t nconsidered = 0;
	crm_plan_eval *pool = NULL;
	size_t npool = 0;

	if ((st = decompose(s)) != CRM_OK)
		return st;
	size_t w = (size_t)s->ns + 1;
	res->alone = malloc(na * w * sizeof *res->alone);
	s->order = malloc((na + 1) * sizeof *s->order);
	s->rest = calloc(na + 1, sizeof *s->rest);
	s->cur = malloc((na + 1) * sizeof *s->cur);
	s->cost_at = calloc((na + 1) * yw, sizeof *s->cost_at);
	s->golives = calloc(w, sizeof *s->golives);
	s->effort = calloc(w, sizeof *s->effort);
	s->ktop = (s->opt->keep > MAX_KEEP ? MAX_KEEP : s->opt->keep) + 1;
	if (s->opt->objective == CRM_PLAN_AFTER_TAX && s->ktop < AFTER_TAX_POOL)
		s->ktop = AFTER_TAX_POOL;
	s->top = calloc(s->ktop, sizeof *s->top);
	s->scratch_draw = malloc((s->nd + 1) * sizeof *s->scratch_draw);
	res->why = calloc(na + 1, sizeof *res->why);
	considered = calloc(MAX_CONSIDERED, sizeof *considered);
	if (!res->alone || !s->order || !s->rest || !s->cur || !s->cost_at || !s->golives ||
	    !s->effort || !s->top || !s->scratch_draw || !res->why || !considered) {
		free(considered);
		return crm_error_set(s->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (size_t a = 0; a < na; a++)
		for (size_t k = 0; k < w; k++)
			res->alone[a * w + k] = k && variant_of(s, a, (int)k) ? s->val[variant_of(s, a, (int)k)]
									 : NAN;
	topo_order(sc, s->order);
	for (size_t d = na; d-- > 0;) {
		const crm_plan_area *ar = &sc->areas[s->order[d]];
		double best = ar->skip_ok ? 0 : -INFINITY;
		for (int k = ar->first_slot; k <= ar->last_slot; k++)
			if (s->val[variant_of(s, s->order[d], k)] > best)
				best = s->val[variant_of(s, s->order[d], k)];
		s->rest[d] = s->rest[d + 1] + best;
	}
	for (size_t a = 0; a < na; a++)
		s->cur[a] = CRM_GOLIVE_SKIP;
	for (int y = 1; y <= s->years; y++)
		s->cost_at[y] = s->year_cost[(size_t)y];
	double v0 = plan_sum(s, s->cur);   /* every area left out */
	if (dfs(s, 0, v0) < 0) {
		free(considered);
		return crm_error_set(s->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	res->nodes = s->nodes;
	res->exact = !s->stopped && s->opt->objective == CRM_PLAN_MEAN;
	res->bound = v0 + s->rest[0];
	res->any_feasible = s->ntop > 0;
	int *g = malloc((na + 1) * sizeof *g);
	if (!g) {
		free(considered);
		return crm_error_set(s->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	if (s->ntop) {
		memcpy(g, s->top[0].golive, na * sizeof *g);
		if (s->opt->objective == CRM_PLAN_P10 && s->nd) {
			double p10;
			for (size_t i = 0; i < s->ntop && nconsidered < MAX_CONSIDERED; i++) {
				struct found *f = &considered[nconsidered];
				f->golive = malloc((na + 1) * sizeof *g);
				if (!f->golive)
					break;
				memcpy(f->golive, s->top[i].golive, na * sizeof *g);
				double pl;
				plan_stats(s, f->golive, &f->mean, &f->p10, &pl);
				nconsidered++;
			}
			if (improve_p10(s, g, &p10, considered, &nconsidered) != 0) {
				st = crm_error_set(s->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
				goto out;
			}
		}
		if (s->opt->objective == CRM_PLAN_AFTER_TAX) {
			pool = calloc(s->ntop + 1, sizeof *pool);
			if (!pool) {
				st = crm_error_set(s->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
				goto out;
			}
			if ((st = improve_after_tax(s, g, pool, &npool)) != CRM_OK)
				goto out;
		}
		explain(s, g, res->why);
	}
	/* The figures of the plans shown, in full. */
	if (s->ntop && (st = evaluate(s, g, &res->best)) != CRM_OK)
		goto out;
	size_t keep = (s->opt->keep > MAX_KEEP ? MAX_KEEP : s->opt->keep);
	res->next = calloc(s->ktop + 1, sizeof *res->next);
	if (!res->next) {
		st = crm_error_set(s->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (pool) {
		/* After tax: the next best of the plans computed in full, by their NPV after tax. */
		for (size_t k = 0; k < keep; k++) {
			size_t bi = npool;
			for (size_t i = 0; i < npool; i++) {
				if (!pool[i].golive || !pool[i].feasible || same_plan(pool[i].golive, g, na))
					continue;
				if (bi == npool || pool[i].objective > pool[bi].objective)
					bi = i;
			}
			if (bi == npool)
				break;
			res->next[res->nnext++] = pool[bi];
			pool[bi].golive = NULL;
		}
	} else {
		for (size_t i = 0; i < s->ntop; i++) {
			if (same_plan(s->top[i].golive, g, na) || res->nnext >= keep)
				continue;
			if ((st = evaluate(s, s->top[i].golive, &res->next[res->nnext++])) != CRM_OK)
				goto out;
		}
	}
	/* The frontier: of the plans kept, those no other beats on mean and P10. */
	if (s->nd) {
		for (size_t i = 0; i < s->ntop && nconsidered < MAX_CONSIDERED; i++) {
			struct found *f = &considered[nconsidered];
			f->golive = malloc((na + 1) * sizeof *g);
			if (!f->golive)
				break;
			memcpy(f->golive, s->top[i].golive, na * sizeof *g);
			double pl;
			plan_stats(s, f->golive, &f->mean, &f->p10, &pl);
			nconsidered++;
		}
		qsort(considered, nconsidered, sizeof *considered, frontier_cmp);
		res->considered = nconsidered;
		res->frontier = calloc(nconsidered + 1, sizeof *res->frontier);
		if (!res->frontier) {
			st = crm_error_set(s->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
		double best_p10 = -INFINITY;
		for (size_t i = 0; i < nconsidered; i++) {
			const struct found *f = &considered[i];
			int dup = 0;
			for (size_t j = 0; j < res->nfrontier; j++)
				dup |= same_plan(res->frontier[j].golive, f->golive, na);
			/* Sorted by mean, highest first: on the frontier when its P10 beats all before. */
			if (dup || !(f->p10 > best_p10))
				continue;
			best_p10 = f->p10;
			if (res->nfrontier >= 12)
				break;
			if ((st = evaluate(s, f->golive, &res->frontier[res->nfrontier++])) != CRM_OK)
				goto out;
		}
	}
	/* The scenario as written, and big bang: every area in its first slot. */
	for (size_t a = 0; a < na; a++)
		g[a] = sc->areas[a].golive;
	if ((st = evaluate(s, g, &res->written)) != CRM_OK)
		goto out;
	for (size_t a = 0; a < na; a++)
		g[a] = sc->areas[a].first_slot;
	st = evaluate(s, g, &res->bigbang);
out:
	free(g);
	for (size_t i = 0; i < nconsidered; i++)
		free(considered[i].golive);
	free(considered);
	for (size_t i = 0; i < npool; i++)
		eval_free(&pool[i]);
	free(pool);
	return st;
}

crm_status crm_plan(crm_scenario *sc, const crm_plan_options *opt, crm_plan_result *res,
		    crm_error *err)
{
	struct search s;
	crm_status st;
	crm_uncertain *items = NULL;
	size_t nitems = 0;

	memset(res, 0, sizeof *res);
	if (!sc->nareas)
		return crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "the scenario has no area rows "
				     "(expected kind=area rows naming the areas a plan chooses a slot "
				     "for; see crmroi-scenario(5), ROLL-OUT PLAN)");
	if ((st = crm_uncertain_list(sc, &items, &nitems, err)) != CRM_OK)
		return st;
	free(items);
	memset(&s, 0, sizeof s);
	s.sc = sc;
	s.opt = opt;
	s.err = err;
	s.na = sc->nareas;
	s.ns = crm_plan_nslots(sc);
	s.years = sc->settings.horizon_years;
	s.months = crm_scenario_months(sc);
	s.nd = nitems ? opt->n : 0;
	if (opt->objective == CRM_PLAN_AFTER_TAX && !sc->settings.tax_given)
		return crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "the after-tax objective needs "
				     "the setting tax_rate");
	if (opt->objective == CRM_PLAN_P10 && !s.nd)
		return crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "the P10 objective needs "
				     "uncertainty: the scenario has no ranges, risk events or gates "
				     "(or -n is 0)");
	res->nareas = s.na;
	res->nslots = s.ns;
	res->slot_months = sc->settings.plan_slot_months;
	res->objective = opt->objective;
	res->uncertain = s.nd > 0;
	res->n = s.nd;
	res->seed = opt->seed;
	res->bound = NAN;
	int saved[CRM_MAX_AREAS];
	for (size_t a = 0; a < s.na; a++)
		saved[a] = sc->areas[a].golive;
	st = run(&s, res);
	for (size_t a = 0; a < s.na; a++)
		crm_scenario_set_golive(sc, a, saved[a]);
	search_free(&s);
	return st;
}
