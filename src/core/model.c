/*
 * model.c - scenario to cash flows on the period grid.
 *
 * A recurring line's amount in period p is its value evaluated in p times a
 * weight fixed at compile time:
 *     weight[p] = sum over months m of p with start <= m <= end of
 *                 unit x ramp(m) x (1 + growth)^(year(m) - 1) x risk factor
 * where unit is 1 for monthly values and 1/12 for yearly ones, and the risk
 * factor is (1 - risk) for benefits and (1 + risk) for costs (Forrester TEI).
 * A 'once' line books its whole value, with growth and risk, in the period
 * that holds its start month (month 0 is the Initial column).
 *
 * A line whose start, end or ramp is a formula over inputs has its weights
 * compiled at the inputs' own values; an evaluation where an overridden input
 * moves its months computes that line's weights again, into the result
 * buffer (so that a model can be shared by threads), and only for months not
 * among those it met last in that buffer. A benefit with an adoption
 * column is multiplied by its input's share in each period.
 */
#include "crmroi/model.h"
#include "crmroi/finance.h"

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_priv.h"

/*
 * Per line with timing formulas (its index k among them), crm_cashflow keeps
 * TIMING_SLOTS sets of weights for the months met most recently, so that a
 * simulation drawing a go-live from a few months (the bundled case: 3 to 12)
 * computes each set once.
 * timing_state[k * TS_N]: the slot in use (-1: the compiled weights), the
 * slot to replace next, then per slot: valid, start, end, ramp, first, last.
 */
#define TIMING_SLOTS 16
/* Values of kept weights per result buffer, at most: fewer sets for many timed lines. */
#define TIMING_VALUES (8u << 20)
#define TS_USE 0
#define TS_NEXT 1
#define TS_SLOT(s) (2 + 6 * (s))
#define TS_N (2 + 6 * TIMING_SLOTS)

double crm_ramp_factor(crm_curve curve, int ramp, int start, int m)
{
	double x;

	if (ramp <= 0)
		return 1.0;
	x = (double)(m - start + 1) / ramp;
	if (x >= 1.0)
		return 1.0;
	if (x <= 0.0)
		return 0.0;
	return curve == CRM_CURVE_SCURVE ? x * x * (3.0 - 2.0 * x) : x;
}

/* Whether e has the same value in every period (its inputs' flags must be set). */
static int fixed_value(const crm_model *m, const crm_expr *e)
{
	const int *deps;
	size_t n;

	if (crm_expr_uses_time(e))
		return 0;
	n = crm_expr_deps(e, &deps);
	for (size_t k = 0; k < n; k++)
		if (!m->input_fixed[deps[k]])
			return 0;
	return 1;
}

static int line_counted(const crm_model *m, size_t l)
{
	const crm_line *ln = &m->sc->lines[l];
	return ln->kind == CRM_COST || (m->set.classes & CRM_CLASS_BIT(ln->cls));
}

int crm_model_line_counted_(const crm_model *m, size_t l) { return line_counted(m, l); }

static void line_weights(const crm_model *m, const crm_line *ln, const crm_line_timing *tm,
			 double *w)
{
	const crm_settings *s = &m->set;
	double r = m->unadjusted ? 0.0 : ln->risk_given ? ln->risk
		 : ln->kind == CRM_BENEFIT ? s->benefit_risk : s->cost_risk;
	double risk = ln->kind == CRM_BENEFIT ? 1.0 - r : 1.0 + r;
	/* Execution readiness scales benefits on top of their risk, by the scenario's factor. */
	if (ln->kind == CRM_BENEFIT && s->readiness)
		risk *= s->readiness_factor;
	int months = 12 * s->horizon_years;

	int start = tm->start;

	memset(w, 0, (size_t)(m->n + 1) * sizeof *w);
	/* Left out by the roll-out plan: no flow, whatever its value. */
	if (ln->skipped)
		return;
	if (ln->timing == CRM_ONCE) {
		if (start > months)
			return;
		int p = start == 0 ? 0 : (start + m->mpp - 1) / m->mpp;
		int year = start == 0 ? 1 : (start + 11) / 12;
		w[p] = pow(1.0 + ln->growth, year - 1) * risk;
		return;
	}
	double unit = ln->timing == CRM_MONTHLY ? 1.0 : 1.0 / 12.0;
	int end = tm->end_given ? tm->end_given : months;
	int grown_year = -1;   /* the year grown is for: pow once a year, the same value */
	double grown = 1.0;
	for (int mo = start; mo <= end && mo <= months; mo++) {
		int p = (mo + m->mpp - 1) / m->mpp;
		int year = (mo + 11) / 12;
		if (year != grown_year) {
			grown = pow(1.0 + ln->growth, year - 1);
			grown_year = year;
		}
		w[p] += unit * crm_ramp_factor(ln->curve, tm->ramp, start, mo) * grown;
	}
	for (int p = 1; p <= m->n; p++)
		w[p] *= risk;
}

/* Line l's weights at the months tm, and the first and last period they are not 0 in. */
static void line_compile(crm_model *m, size_t l, const crm_line_timing *tm)
{
	double *w = m->weight + l * (size_t)(m->n + 1);

	line_weights(m, &m->sc->lines[l], tm, w);
	m->pfirst[l] = m->n + 1;
	m->plast[l] = -1;
	for (int p = 0; p <= m->n; p++)
		if (w[p] != 0) {
			m->pfirst[l] = p < m->pfirst[l] ? p : m->pfirst[l];
			m->plast[l] = p;
		}
}

/*
 * Dated discounting: period p ends p x months-per-period months after the
 * investment date (the same day of the month, or the last day of a shorter
 * month), and is discounted by (1 + r)^(days / 365) as a spreadsheet's XNPV
 * does; a once line paid on a day of its own is discounted at that day.
 */
static void dated_discount(crm_model *m)
{
	const crm_settings *s = &m->set;
	int day0 = s->start_day ? s->start_day : 1;
	long d0 = crm_date_days(s->start_year, s->start_month, day0);

	for (int p = 0; p <= m->n; p++) {
		int y = s->start_year, mo = s->start_month, d = day0;
		crm_date_add_months(&y, &mo, &d, p * m->mpp);
		m->t_years[p] = (double)(crm_date_days(y, mo, d) - d0) / 365.0;
		m->df[p] = pow(1.0 + s->discount_rate, -m->t_years[p]);
	}
	for (size_t l = 0; l < m->nl; l++) {
		const crm_line *ln = &m->sc->lines[l];
		if (!ln->date_year)
			continue;
		double t = (double)(crm_date_days(ln->date_year, ln->date_month, ln->date_day) - d0) / 365.0;
		m->line_df[l] = pow(1.0 + s->discount_rate, -t);
		m->any_line_df = 1;
	}
}

static void flows(const crm_model *m, const double *w, const double *v, double *out);

/* A time (years) and what falls on it: period p (p >= 0) or line -1 - k, for sorting into days. */
struct dated_time {
	double t;
	long what;
};

static int dated_time_cmp(const void *a, const void *b)
{
	const struct dated_time *x = a, *y = b;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return (x->what > y->what) - (x->what < y->what);
}

/*
 * The days of dated discounting, fixed by the model so that a simulation's
 * draw lays its flows on them without sorting: every period's end and every
 * line paid on a day of its own that has an amount in the horizon, sorted,
 * one day for each distinct time. -1 on no memory.
 */
static int dated_days(crm_model *m)
{
	const crm_settings *s = &m->set;
	size_t np = (size_t)m->n + 1, k = 0;
	long d0 = crm_date_days(s->start_year, s->start_month, s->start_day ? s->start_day : 1);
	struct dated_time *tt = malloc((np + m->nl) * sizeof *tt);

	m->day_t = malloc((np + m->nl) * sizeof *m->day_t);
	m->period_day = malloc(np * sizeof *m->period_day);
	m->line_day = malloc((m->nl + 1) * sizeof *m->line_day);
	if (!tt || !m->day_t || !m->period_day || !m->line_day) {
		free(tt);
		return -1;
	}
	for (size_t p = 0; p < np; p++)
		tt[k++] = (struct dated_time){ m->t_years[p], (long)p };
	for (size_t l = 0; l < m->nl; l++) {
		const crm_line *ln = &m->sc->lines[l];
		m->line_day[l] = -1;
		if (isnan(m->line_df[l]) || m->pfirst[l] > m->plast[l])
			continue;
		/* The time dated_discount gave its discount factor. */
		double t = (double)(crm_date_days(ln->date_year, ln->date_month, ln->date_day) - d0) / 365.0;
		tt[k++] = (struct dated_time){ t, -1 - (long)l };
	}
	qsort(tt, k, sizeof *tt, dated_time_cmp);
	m->ndays = 0;
	for (size_t i = 0; i < k; i++) {
		if (!m->ndays || m->day_t[m->ndays - 1] != tt[i].t)
			m->day_t[m->ndays++] = tt[i].t;
		int day = (int)m->ndays - 1;
		if (tt[i].what >= 0)
			m->period_day[tt[i].what] = day;
		else
			m->line_day[-1 - tt[i].what] = day;
	}
	free(tt);
	return 0;
}

size_t crm_model_dated_days(const crm_model *m, const double **t)
{
	*t = m->day_t;
	return m->day_t ? m->ndays : 0;
}

void crm_model_dated_flows_(const crm_model *m, const double *v, double *net, double *out)
{
	flows(m, m->wl, v, net);
	memset(out, 0, m->ndays * sizeof *out);
	for (int p = 0; p <= m->n; p++)
		out[m->period_day[p]] += net[p];
	/* As the metrics' dated flows: a line on its own day leaves its period's. */
	for (size_t l = 0; l < m->nl; l++) {
		if (m->line_day[l] < 0)
			continue;
		int p = m->pfirst[l];
		double a = v[l] * m->wl[l * m->wstride + (size_t)p];
		out[m->period_day[p]] -= a;
		out[m->line_day[l]] += a;
	}
}

void crm_model_summary_dated_flows(const crm_model *m, const crm_cashflow *cf, double *net,
				   double *v)
{
	crm_model_dated_flows_(m, cf->scratch + (m->ni + 1), net, v);
}

/*
 * The lines discounted at their own day: their amounts (kept in cf->line_dated
 * for the XIRR flows) move from their period's discount factor to their own.
 */
static void dated_lines(const crm_model *m, crm_cashflow *cf)
{
	const crm_scenario *sc = m->sc;

	for (size_t l = 0; l < m->nl; l++) {
		int p = m->pfirst[l];
		if (isnan(m->line_df[l]) || p > m->plast[l])
			continue;
		/* A once line has one period; its amount was recorded by the evaluation. */
		double a = cf->line_dated[l];
		double *pv = sc->lines[l].kind == CRM_COST ? cf->pv_costs : cf->pv_benefits;
		pv[p] += a * (m->line_df[l] - m->df[p]);
	}
}

static void free_short_tables(crm_model *m)
{
	free(m->wt);
	free(m->wtd);
	free(m->pvw);
	free(m->absw);
	free(m->wl);
	free(m->wld);
	m->wt = m->wtd = m->pvw = m->absw = m->wl = m->wld = NULL;
	for (int d = 0; d < 2; d++) {
		free(m->cw[d]);
		free(m->cmin[d]);
		free(m->cmax[d]);
		m->cw[d] = m->cmin[d] = m->cmax[d] = NULL;
	}
}

void crm_model_free(crm_model *m)
{
	if (!m)
		return;
	free(m->order);
	free(m->weight);
	free(m->df);
	free(m->t_years);
	free(m->line_df);
	free(m->day_t);
	free(m->period_day);
	free(m->line_day);
	free(m->override);
	free(m->line_override);
	free(m->zeros);
	free(m->input_fixed);
	free(m->line_fixed);
	free(m->year);
	free(m->month);
	free(m->line_factor);
	free(m->gnext);
	free(m->pfirst);
	free(m->plast);
	free_short_tables(m);
	if (m->short_mu_init)
		pthread_mutex_destroy(&m->short_mu);
	free(m->timed);
	free(m->tslot);
	free(m->timing_inputs);
	free(m->adopt);
	free(m->adopt_inputs);
	free(m->ttm);
	free(m);
}

crm_model *crm_model_new(const crm_scenario *sc, crm_error *err)
{
	return crm_model_new_with(sc, &sc->settings, err);
}

/* crm_payback_short_'s running sums and their bounds per segment. */
static int payback_tables(crm_model *m)
{
	size_t np = (size_t)m->n + 1, nl = m->nl;

	m->nseg = m->n > 0 ? (m->n - 1) / PB_SEG + 1 : 0;
	for (int d = 0; d < 2; d++) {
		const double *w = d ? m->wtd : m->wt;
		m->cw[d] = calloc(np * nl + 1, sizeof(double));
		m->cmin[d] = calloc((size_t)m->nseg * nl + 1, sizeof(double));
		m->cmax[d] = calloc((size_t)m->nseg * nl + 1, sizeof(double));
		if (!m->cw[d] || !m->cmin[d] || !m->cmax[d])
			return -1;
		m->kfirst[d] = m->n + 1;
		for (size_t l = 0; l < nl; l++) {
			double run = 0;
			for (size_t p = 0; p < np; p++) {
				m->cw[d][p * nl + l] = run += w[p * nl + l];
				if (run != 0 && (int)p < m->kfirst[d])
					m->kfirst[d] = (int)p;
			}
			for (int sg = 0; sg < m->nseg; sg++) {
				int k0 = sg * PB_SEG, k1 = k0 + PB_SEG - 1 < m->n - 1 ? k0 + PB_SEG - 1 : m->n - 1;
				double lo = m->cw[d][(size_t)k0 * nl + l], hi = lo;
				for (int k = k0 + 1; k <= k1; k++) {
					double c = m->cw[d][(size_t)k * nl + l];
					lo = c < lo ? c : lo;
					hi = c > hi ? c : hi;
				}
				m->cmin[d][(size_t)sg * nl + l] = lo;
				m->cmax[d][(size_t)sg * nl + l] = hi;
			}
		}
	}
	return 0;
}

/*
 * The short way's tables (model_priv.h): the weights signed, plain and
 * discounted, period-major and line-major, their sums per line, and
 * payback's running sums. -1 on no memory.
 */
static int short_tables(crm_model *m)
{
	const crm_scenario *sc = m->sc;
	size_t np = (size_t)m->n + 1;

	m->wt = calloc(np * (m->nl + 1), sizeof *m->wt);
	m->wtd = calloc(np * (m->nl + 1), sizeof *m->wtd);
	m->pvw = calloc(m->nl + 1, sizeof *m->pvw);
	m->absw = calloc(m->nl + 1, sizeof *m->absw);
	m->wl = calloc(m->wstride * (m->nl + 1), sizeof *m->wl);
	m->wld = calloc(m->wstride * (m->nl + 1), sizeof *m->wld);
	if (!m->wt || !m->wtd || !m->pvw || !m->absw || !m->wl || !m->wld)
		return -1;
	for (size_t l = 0; l < m->nl; l++) {
		const double *w = m->weight + l * np;
		double sign = sc->lines[l].kind == CRM_BENEFIT ? 1.0 : -1.0;
		for (int p = 0; p <= m->n; p++) {
			m->wt[(size_t)p * m->nl + l] = sign * w[p];
			double d = isnan(m->line_df[l]) ? m->df[p] : m->line_df[l];
			m->wtd[(size_t)p * m->nl + l] = sign * w[p] * d;
			m->pvw[l] += w[p] * d;
			m->absw[l] += fabs(w[p]);
			m->wl[l * m->wstride + (size_t)p] = m->wt[(size_t)p * m->nl + l];
			m->wld[l * m->wstride + (size_t)p] = m->wtd[(size_t)p * m->nl + l];
		}
	}
	return payback_tables(m);
}

int crm_model_short_way_(const crm_model *cm)
{
	/*
	 * Built on first use, once, under the model's lock: a model may be
	 * shared by threads, and the tables are a cache of what the model
	 * already fixes (hence the const cast).
	 */
	crm_model *m = (crm_model *)cm;
	int rc = 0;

	if (atomic_load_explicit(&m->short_ready, memory_order_acquire))
		return 0;
	pthread_mutex_lock(&m->short_mu);
	if (!atomic_load_explicit(&m->short_ready, memory_order_relaxed)) {
		if (short_tables(m) == 0) {
			atomic_store_explicit(&m->short_ready, 1, memory_order_release);
		} else {
			/* Freed, so that a later call may try again. */
			free_short_tables(m);
			rc = -1;
		}
	}
	pthread_mutex_unlock(&m->short_mu);
	return rc;
}

static crm_model *model_new(const crm_scenario *sc, const crm_settings *s, int unadjusted,
			     crm_error *err)
{
	crm_model *m = calloc(1, sizeof *m);

	if (!m)
		goto nomem;
	m->sc = sc;
	m->set = *s;
	m->unadjusted = unadjusted;
	m->mpp = s->grid == CRM_GRID_MONTH ? 1 : 12;
	m->n = 12 * s->horizon_years / m->mpp;
	m->ni = sc->ninputs;
	m->nl = sc->nlines;
	m->order = malloc((m->ni + 1) * sizeof *m->order);
	m->weight = malloc((m->nl + 1) * (size_t)(m->n + 1) * sizeof *m->weight);
	m->df = malloc((size_t)(m->n + 1) * sizeof *m->df);
	m->t_years = malloc((size_t)(m->n + 1) * sizeof *m->t_years);
	m->line_df = malloc((m->nl + 1) * sizeof *m->line_df);
	m->override = malloc((m->ni + 1) * sizeof *m->override);
	m->zeros = calloc(m->ni + 1, sizeof *m->zeros);
	m->line_override = malloc((m->nl + 1) * sizeof *m->line_override);
	m->input_fixed = calloc(m->ni + 1, 1);
	m->line_fixed = calloc(m->nl + 1, 1);
	m->line_factor = malloc((m->nl + 1) * sizeof *m->line_factor);
	m->pfirst = malloc((m->nl + 1) * sizeof *m->pfirst);
	m->gnext = malloc((m->nl + 1) * sizeof *m->gnext);
	m->wstride = ((size_t)m->n + FLOW_BLOCK) / FLOW_BLOCK * FLOW_BLOCK;
	m->plast = malloc((m->nl + 1) * sizeof *m->plast);
	m->year = malloc((size_t)(m->n + 1) * sizeof *m->year);
	m->month = malloc((size_t)(m->n + 1) * sizeof *m->month);
	m->timed = malloc((m->nl + 1) * sizeof *m->timed);
	m->adopt = malloc((m->nl + 1) * sizeof *m->adopt);
	m->adopt_inputs = malloc((m->ni + 1) * sizeof *m->adopt_inputs);
	m->timing_inputs = malloc((m->ni + 1) * sizeof *m->timing_inputs);
	m->tslot = malloc((m->nl + 1) * sizeof *m->tslot);
	if (!m->timed || !m->adopt || !m->adopt_inputs || !m->timing_inputs || !m->tslot)
		goto nomem;
	if (!m->line_factor || !m->gnext || !m->pfirst || !m->plast ||
	    !m->year || !m->month || !m->order || !m->weight || !m->df || !m->t_years || !m->override || !m->zeros ||
	    !m->line_override || !m->input_fixed || !m->line_fixed || !m->line_df)
		goto nomem;
	if (crm_scenario_input_order(sc, m->order) != 0)
		goto nomem;
	for (size_t k = 0; k < m->ni; k++) {
		int i = m->order[k];
		m->input_fixed[i] = fixed_value(m, sc->inputs[i].value);
	}
	for (size_t i = 0; i < m->ni; i++) {
		if (sc->inputs[i].adoption)
			m->adopt_inputs[m->nadopt++] = (int)i;
		if (sc->inputs[i].timing)
			m->timing_inputs[m->ntiming_inputs++] = (int)i;
	}
	for (size_t l = 0; l < m->nl; l++) {
		const crm_line *ln = &sc->lines[l];
		m->adopt[l] = ln->kind == CRM_BENEFIT ? ln->adoption : -1;
		m->line_fixed[l] = fixed_value(m, ln->value) &&
				   (m->adopt[l] < 0 || m->input_fixed[m->adopt[l]]);
		m->line_factor[l] = line_counted(m, l) ? ln->probability : 0.0;
		m->gnext[l] = -1;
		m->any_varying |= !m->line_fixed[l];
		m->tslot[l] = -1;
		if (crm_line_has_timing_formula(ln)) {
			m->tslot[l] = (int)m->ntimed;
			m->timed[m->ntimed++] = l;
		}
	}
	for (size_t i = 0; i < m->ni; i++)
		m->any_varying |= !m->input_fixed[i];
	if (sc->ngroups) {
		/* Each group's lines as a list, in line order. */
		int *last = malloc(sc->ngroups * sizeof *last);
		if (!last)
			goto nomem;
		for (size_t g = 0; g < sc->ngroups; g++)
			last[g] = -1;
		for (size_t l = 0; l < m->nl; l++) {
			int g = sc->lines[l].group;
			if (g < 0)
				continue;
			if (last[g] >= 0)
				m->gnext[last[g]] = (int)l;
			last[g] = (int)l;
		}
		free(last);
	}
	for (size_t i = 0; i < m->ni; i++)
		m->override[i] = NAN;
	for (size_t l = 0; l < m->nl; l++)
		m->line_override[l] = NAN;
	for (size_t l = 0; l < m->nl; l++) {
		const crm_line *ln = &sc->lines[l];
		line_compile(m, l, &(crm_line_timing){ ln->start, ln->end_given, ln->ramp });
	}
	for (int p = 0; p <= m->n; p++) {
		int q = p ? p : 1;
		m->year[p] = ((q - 1) * m->mpp) / 12 + 1;
		m->month[p] = (q - 1) * m->mpp + 1;
	}
	/* End-of-period discounting: Year k by (1+r)^k, month m by (1+r)^(m/12). */
	for (int p = 0; p <= m->n; p++) {
		m->t_years[p] = (double)(p * m->mpp) / 12.0;
		m->df[p] = pow(1.0 + s->discount_rate, -m->t_years[p]);
	}
	for (size_t l = 0; l < m->nl; l++)
		m->line_df[l] = NAN;
	if (s->discounting == CRM_DISCOUNT_DATED)
		dated_discount(m);
	atomic_init(&m->short_ready, 0);
	if (pthread_mutex_init(&m->short_mu, NULL) != 0)
		goto nomem;
	m->short_mu_init = 1;
	if (s->discounting == CRM_DISCOUNT_DATED && dated_days(m) != 0)
		goto nomem;
	/* Sets of kept weights per timed line: TIMING_SLOTS, fewer when they would be many values. */
	m->nslots = TIMING_SLOTS;
	while (m->nslots > 1 && m->ntimed * (size_t)m->nslots * ((size_t)m->n + 1) > TIMING_VALUES)
		m->nslots /= 2;
	return m;
nomem:
	crm_model_free(m);
	crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory building the model");
	return NULL;
}

crm_model *crm_model_new_with(const crm_scenario *sc, const crm_settings *s, crm_error *err)
{
	return model_new(sc, s, 0, err);
}

crm_model *crm_model_timed_(const crm_model *m, const crm_line_timing *tm)
{
	if (!m->ntimed || m->ndays || m->any_line_df)
		return NULL;
	crm_model *t = model_new(m->sc, &m->set, m->unadjusted, NULL);
	if (!t)
		return NULL;
	if (t->ntimed != m->ntimed || !(t->ttm = malloc(m->ntimed * sizeof *t->ttm))) {
		crm_model_free(t);
		return NULL;
	}
	memcpy(t->ttm, tm, m->ntimed * sizeof *t->ttm);
	memcpy(t->override, m->override, m->ni * sizeof *t->override);
	memcpy(t->line_override, m->line_override, m->nl * sizeof *t->line_override);
	memcpy(t->line_factor, m->line_factor, m->nl * sizeof *t->line_factor);
	for (size_t k = 0; k < t->ntimed; k++)
		line_compile(t, t->timed[k], &tm[k]);
	return t;
}

const crm_scenario *crm_model_scenario(const crm_model *m) { return m->sc; }
const crm_settings *crm_model_settings(const crm_model *m) { return &m->set; }
int crm_model_periods(const crm_model *m) { return m->n; }

void crm_model_override(crm_model *m, size_t i, double value) { m->override[i] = value; }
void crm_model_clear_override(crm_model *m, size_t i) { m->override[i] = NAN; }
void crm_model_override_line(crm_model *m, size_t l, double value) { m->line_override[l] = value; }

/*
 * A line of a group decides the whole group: every line of it happens, or
 * none. A benefit whose class is not counted stays at 0 either way.
 */
void crm_model_set_occurs(crm_model *m, size_t l, int occurs)
{
	int g = m->sc->lines[l].group;
	size_t k = g >= 0 ? (size_t)m->sc->groups[g].first_line : l;

	for (;;) {
		m->line_factor[k] = occurs && line_counted(m, k) ? 1.0 : 0.0;
		if (g < 0 || m->gnext[k] < 0)
			break;
		k = (size_t)m->gnext[k];
	}
}

void crm_model_clear_occurs(crm_model *m, size_t l)
{
	int g = m->sc->lines[l].group;
	size_t k = g >= 0 ? (size_t)m->sc->groups[g].first_line : l;

	for (;;) {
		m->line_factor[k] = line_counted(m, k) ? m->sc->lines[k].probability : 0.0;
		if (g < 0 || m->gnext[k] < 0)
			break;
		k = (size_t)m->gnext[k];
	}
}
void crm_model_clear_line_override(crm_model *m, size_t l) { m->line_override[l] = NAN; }

void crm_cashflow_free(crm_cashflow *cf)
{
	if (!cf)
		return;
	free(cf->amount);
	free(cf->input);
	free(cf->costs);
	free(cf->benefits);
	free(cf->net);
	free(cf->cumulative);
	free(cf->df);
	free(cf->pv_net);
	free(cf->cumulative_pv);
	free(cf->t_years);
	free(cf->pv_costs);
	free(cf->pv_benefits);
	free(cf->line_dated);
	free(cf->scratch);
	free(cf->before_adoption);
	free(cf->timing_weight);
	free(cf->timing_state);
	free(cf);
}

crm_cashflow *crm_cashflow_new(const crm_model *m)
{
	crm_cashflow *cf = calloc(1, sizeof *cf);
	size_t np = (size_t)m->n + 1;

	if (!cf)
		return NULL;
	cf->nperiods = m->n;
	cf->months_per_period = m->mpp;
	cf->nlines = m->nl;
	cf->ninputs = m->ni;
	cf->keep_inputs = 1;
	cf->keep_amounts = 1;
	/* The evaluator's inputs by period; crm_model_summary's inputs and line values. */
	cf->scratch = calloc((m->ni + 1) * np + m->nl + 1, sizeof(double));
	cf->amount = calloc((m->nl + 1) * np, sizeof(double));
	cf->input = calloc((m->ni + 1) * np, sizeof(double));
	cf->costs = calloc(np, sizeof(double));
	cf->benefits = calloc(np, sizeof(double));
	cf->net = calloc(np, sizeof(double));
	cf->cumulative = calloc(np, sizeof(double));
	cf->df = calloc(np, sizeof(double));
	cf->pv_net = calloc(np, sizeof(double));
	cf->cumulative_pv = calloc(np, sizeof(double));
	cf->t_years = calloc(np, sizeof(double));
	cf->pv_costs = calloc(np, sizeof(double));
	cf->pv_benefits = calloc(np, sizeof(double));
	cf->line_dated = calloc(m->nl + 1, sizeof(double));
	cf->line_df = m->line_df;
	if (m->nadopt && !(cf->before_adoption = calloc((m->nl + 1) * np, sizeof(double)))) {
		crm_cashflow_free(cf);
		return NULL;
	}
	if (m->ntimed && (!(cf->timing_weight = calloc(m->ntimed * (size_t)m->nslots * np, sizeof(double))) ||
			  !(cf->timing_state = calloc(m->ntimed * TS_N, sizeof(int))))) {
		crm_cashflow_free(cf);
		return NULL;
	}
	for (size_t k = 0; k < m->ntimed; k++)
		cf->timing_state[k * TS_N + TS_USE] = -1;
	for (size_t l = 0; cf->line_dated && l < m->nl; l++)
		cf->line_dated[l] = isnan(m->line_df[l]) ? NAN : 0;
	if (!cf->amount || !cf->input || !cf->costs || !cf->benefits || !cf->net ||
	    !cf->cumulative || !cf->df || !cf->pv_net || !cf->cumulative_pv || !cf->t_years ||
	    !cf->scratch || !cf->pv_costs || !cf->pv_benefits || !cf->line_dated) {
		crm_cashflow_free(cf);
		return NULL;
	}
	/* Discount factors and times belong to the model: copied once. */
	memcpy(cf->df, m->df, np * sizeof(double));
	memcpy(cf->t_years, m->t_years, np * sizeof(double));
	return cf;
}

double crm_cashflow_line_pv(const crm_cashflow *cf, size_t l)
{
	size_t np = (size_t)cf->nperiods + 1;
	double pv = 0;

	for (size_t p = 0; p < np; p++)
		pv += cf->amount[l * np + p] * (isnan(cf->line_df[l]) ? cf->df[p] : cf->line_df[l]);
	return pv;
}

void crm_cashflow_month_net(const crm_model *m, const crm_cashflow *cf, double *net)
{
	const crm_scenario *sc = m->sc;
	int months = 12 * m->set.horizon_years, mpp = m->mpp;
	size_t np = (size_t)m->n + 1;

	memset(net, 0, (size_t)(months + 1) * sizeof *net);
	for (size_t l = 0; l < m->nl; l++) {
		const crm_line *ln = &sc->lines[l];
		const double *a = cf->amount + l * np;
		double sign = ln->kind == CRM_COST ? -1.0 : 1.0;
		/* The months this evaluation gave the line: its own, or those its inputs moved it to. */
		int start = ln->start, end_given = ln->end_given, ramp = ln->ramp;
		if (m->ntimed && m->tslot[l] >= 0 && cf->timing_state) {
			const int *ts = cf->timing_state + (size_t)m->tslot[l] * TS_N;
			if (ts[TS_USE] >= 0) {
				const int *sl = ts + TS_SLOT(ts[TS_USE]);
				start = sl[1];
				end_given = sl[2];
				ramp = sl[3];
			}
		}
		int end = end_given ? end_given : months;
		net[0] += sign * a[0];
		if (mpp == 1) {
			/*
			 * By month, each period is its month. Adding a zero amount
			 * changes nothing (net is never -0: a sum that cancels is
			 * +0), so the loop needs no test and runs four months at a time.
			 */
			for (int p = 1; p <= m->n; p++)
				net[p] += sign * a[p];
			continue;
		}
		for (int p = 1; p <= m->n; p++) {
			if (a[p] == 0)
				continue;
			int first = (p - 1) * mpp + 1, last = p * mpp;
			if (mpp == 1 || ln->timing == CRM_ONCE) {
				/* A once line's amount is in its own month (within its period). */
				int mo = mpp == 1 ? p : start < first ? first : start > last ? last : start;
				net[mo] += sign * a[p];
				continue;
			}
			/* The year's amount over its active months, as the ramp weighs them. */
			double wsum = 0;
			for (int mo = first; mo <= last; mo++)
				if (mo >= start && mo <= end)
					wsum += crm_ramp_factor(ln->curve, ramp, start, mo);
			for (int mo = first; mo <= last; mo++)
				if (mo >= start && mo <= end && wsum > 0)
					net[mo] += sign * a[p] *
						   crm_ramp_factor(ln->curve, ramp, start, mo) / wsum;
		}
	}
}

int crm_cashflow_year_of(const crm_cashflow *cf, int p)
{
	return p == 0 ? 0 : ((p - 1) * cf->months_per_period) / 12 + 1;
}

static void period_label(const crm_cashflow *cf, int p, char *buf, size_t len)
{
	if (p == 0)
		snprintf(buf, len, "the Initial column");
	else if (cf->months_per_period == 12)
		snprintf(buf, len, "Year %d", p);
	else
		snprintf(buf, len, "month %d", p);
}

/*
 * y[0..n) += a x[0..n): the inner loop of every evaluation. With GCC's or
 * Clang's generic vectors (SSE2 on x86-64, NEON on ARM; no target flags
 * needed), two doubles at a time; a plain loop elsewhere.
 */
#if defined(__GNUC__)
typedef double v2d __attribute__((vector_size(16)));

static void axpy(double *restrict y, const double *restrict x, double a, int n)
{
	v2d av = { a, a };
	int i = 0;

	for (; i + 4 <= n; i += 4) {
		v2d x0, x1, y0, y1;
		memcpy(&x0, x + i, sizeof x0);
		memcpy(&x1, x + i + 2, sizeof x1);
		memcpy(&y0, y + i, sizeof y0);
		memcpy(&y1, y + i + 2, sizeof y1);
		y0 += av * x0;
		y1 += av * x1;
		memcpy(y + i, &y0, sizeof y0);
		memcpy(y + i + 2, &y1, sizeof y1);
	}
	for (; i < n; i++)
		y[i] += a * x[i];
}
#else
static void axpy(double *restrict y, const double *restrict x, double a, int n)
{
	for (int i = 0; i < n; i++)
		y[i] += a * x[i];
}
#endif

static crm_status not_finite(const crm_model *m, const crm_cashflow *cf, crm_error *err, int p,
			     int is_input, size_t idx, double v)
{
	const crm_scenario *sc = m->sc;
	char where[64];

	period_label(cf, p, where, sizeof where);
	if (is_input)
		return crm_error_set(err, CRM_EDATA, sc->inputs[idx].loc.file, sc->inputs[idx].loc.line,
				     sc->inputs[idx].loc.col, "input '%s' is %s in %s (a division by "
				     "zero or an overflow in '%s'?)", sc->inputs[idx].name,
				     isnan(v) ? "not a number" : "infinite", where,
				     sc->inputs[idx].value_text);
	const crm_line *ln = &sc->lines[idx];
	return crm_error_set(err, CRM_EDATA, ln->loc.file, ln->loc.line, ln->loc.col, "%s '%s' is %s in "
			     "%s (a division by zero or an overflow in '%s'?)",
			     ln->kind == CRM_COST ? "cost" : "benefit", ln->label,
			     isnan(v) ? "not a number" : "infinite", where, ln->value_text);
}

/*
 * A share of adoption may pass 0 or 1 by this much, the rounding of a sum of
 * steps (prev(adopt) + 5% twenty times is 1.0000000000000002).
 */
#define ADOPTION_SLACK (4 * DBL_EPSILON)

/*
 * Whether some benefit multiplied by input i has an amount in period p (with
 * every != 0: in any period, the share being the same in all of them). The
 * Initial column uses period 1's share.
 */
/*
 * Line l's weights for the evaluation in cf: the compiled ones, or the set
 * kept for the months an override gave it; its first and last period with
 * an amount into *first and *last.
 */
static const double *weights_in_use(const crm_model *m, const crm_cashflow *cf, size_t l,
				    int *first, int *last)
{
	size_t np = (size_t)m->n + 1;

	*first = m->pfirst[l];
	*last = m->plast[l];
	if (m->ntimed && m->tslot[l] >= 0) {
		const int *ts = cf->timing_state + (size_t)m->tslot[l] * TS_N;
		if (ts[TS_USE] >= 0) {
			const int *sl = ts + TS_SLOT(ts[TS_USE]);
			*first = sl[4];
			*last = sl[5];
			return cf->timing_weight + ((size_t)m->tslot[l] * (size_t)m->nslots +
						    (size_t)ts[TS_USE]) * np;
		}
	}
	return m->weight + l * np;
}

/*
 * The sums overflowed though every amount is finite: say where, naming the
 * line with the largest amount (per period, or in period 1 for the summary's
 * values `v`, NULL otherwise) in the first period whose sums are not finite.
 */
static crm_status overflow_error(const crm_model *m, const crm_cashflow *cf, const double *vals,
				 const double *v, crm_error *err)
{
	const crm_scenario *sc = m->sc;
	size_t ni = m->ni, np = (size_t)m->n + 1, best = SIZE_MAX;
	int p = 1, last = m->any_varying ? m->n : 1;
	double top = -1;
	char where[64];

	if (!v)
		for (p = 0; p < (int)np - 1; p++)
			if (!isfinite(cf->costs[p]) || !isfinite(cf->benefits[p]) ||
			    !isfinite(cf->cumulative[p]) || !isfinite(cf->cumulative_pv[p]))
				break;
	for (size_t l = 0; l < m->nl; l++) {
		double a;
		if (v) {
			a = v[l];
		} else {
			int first, lastp, row = p <= last ? (p ? p : 1) : 1;
			const double *w = weights_in_use(m, cf, l, &first, &lastp);
			if (p < first || p > lastp || w[p] == 0.0)
				continue;
			crm_expr_env env = { vals + (size_t)row * ni,
					     row > 1 ? vals + (size_t)(row - 1) * ni : m->zeros,
					     m->year[p], m->month[p] };
			a = m->line_override[l];
			if (isnan(a))
				a = crm_expr_eval(sc->lines[l].value, &env);
			a *= w[p] * m->line_factor[l];
		}
		if (fabs(a) > top) {
			top = fabs(a);
			best = l;
		}
	}
	if (v)
		snprintf(where, sizeof where, "over the horizon");
	else
		period_label(cf, p, where, sizeof where);
	if (best == SIZE_MAX)
		return crm_error_set(err, CRM_EDATA, sc->file, 0, 0, "the cash flow overflows %s%s "
				     "(amounts beyond 1e308): check the magnitudes of the values",
				     v ? "" : "in ", where);
	const crm_line *ln = &sc->lines[best];
	return crm_error_set(err, CRM_EDATA, ln->loc.file, ln->loc.line, ln->loc.col,
			     "the cash flow overflows %s%s (sums beyond 1e308): %s '%s' is the "
			     "largest amount %s, %g; check the magnitudes of the values",
			     v ? "" : "in ", where, ln->kind == CRM_COST ? "cost" : "benefit",
			     ln->label, v ? "a period" : "there", top);
}

static int adoption_used(const crm_model *m, const crm_cashflow *cf, int i, int p, int every)
{
	for (size_t l = 0; l < m->nl; l++) {
		if (m->adopt[l] != i)
			continue;
		int first, lastp;
		const double *w = weights_in_use(m, cf, l, &first, &lastp);
		for (int q = first; q <= lastp; q++)
			if (w[q] != 0 && (every || q == p || (p == 1 && q == 0)))
				return 1;
	}
	return 0;
}

/*
 * Every share of adoption in 0..1 (within ADOPTION_SLACK) in periods 1..last
 * (the others repeat period last) where a benefit it multiplies has an amount.
 */
static crm_status check_adoption(const crm_model *m, crm_cashflow *cf, const double *vals, int last,
				 crm_error *err)
{
	const crm_scenario *sc = m->sc;
	size_t ni = m->ni;

	for (size_t k = 0; k < m->nadopt; k++) {
		int i = m->adopt_inputs[k];
		for (int p = 1; p <= last; p++) {
			double x = vals[(size_t)p * ni + (size_t)i];
			if (x >= -ADOPTION_SLACK && x <= 1 + ADOPTION_SLACK)
				continue;
			if (!adoption_used(m, cf, i, p, last == 1))
				continue;
			const crm_input *in = &sc->inputs[i];
			const char *user = "";
			char where[64];
			for (size_t l = 0; l < m->nl; l++)
				if (m->adopt[l] == i) {
					user = sc->lines[l].label;
					break;
				}
			if (last == 1) {
				snprintf(where, sizeof where, "in every period");
			} else {
				snprintf(where, sizeof where, "in ");
				period_label(cf, p, where + 3, sizeof where - 3);
			}
			/* A formula: the values of the inputs it uses, in that period. */
			char used[400] = "";
			const int *deps;
			size_t nd = crm_expr_deps(in->value, &deps);
			if (nd && isnan(m->override[i]))
				crm_appendf(used, sizeof used, " ('%s' with ", in->value_text);
			for (size_t d = 0; d < nd && isnan(m->override[i]); d++)
				crm_appendf(used, sizeof used, "%s%s = %.10g", d ? ", " : "",
					    sc->inputs[deps[d]].name, vals[(size_t)p * ni + (size_t)deps[d]]);
			if (used[0])
				crm_appendf(used, sizeof used, ")");
			/* Enough digits that the value shown is not one of the ends, 0% or 100%. */
			char shown[64];
			snprintf(shown, sizeof shown, "%.10g", isfinite(x) ? x * 100 : x);
			if (isfinite(x) && (!strcmp(shown, "100") || !strcmp(shown, "0") ||
					    !strcmp(shown, "-0")))
				snprintf(shown, sizeof shown, "%.17g", x * 100);
			cf->bad_value = 1;
			return crm_error_set(err, CRM_EDATA, in->loc.file, in->loc.line, in->loc.col,
					     "input '%s' is %s%s %s%s, and a share of adoption is "
					     "from 0%% to 100%% (benefit '%s' is multiplied by it)", in->name,
					     shown, isfinite(x) ? "%" : "", where, used, user);
		}
	}
	return CRM_OK;
}

/*
 * The months of every line with timing formulas, for the inputs of this
 * evaluation (vals1: period 1's, which timing inputs keep in every period).
 * A line whose months are the compiled ones uses the model's weights; another
 * uses weights of its own in cf, computed again only when its months differ
 * from those computed last.
 */
/*
 * Whether an input that some line's months follow is overridden: if not, every
 * line has its compiled months (a sweep of other inputs pays nothing more).
 */
static int timing_overridden(const crm_model *m)
{
	for (size_t k = 0; k < m->ntiming_inputs; k++)
		if (!isnan(m->override[m->timing_inputs[k]]))
			return 1;
	return 0;
}

static crm_status line_timings(const crm_model *m, crm_cashflow *cf, const double *vals1,
			       crm_error *err)
{
	const crm_scenario *sc = m->sc;
	size_t np = (size_t)m->n + 1;

	if (!timing_overridden(m)) {
		for (size_t k = 0; k < m->ntimed; k++)
			cf->timing_state[k * TS_N + TS_USE] = -1;
		return CRM_OK;
	}
	for (size_t k = 0; k < m->ntimed; k++) {
		const crm_line *ln = &sc->lines[m->timed[k]];
		int *ts = cf->timing_state + k * TS_N;
		crm_line_timing tm;
		crm_status st = crm_line_timing_eval(sc, ln, vals1, &tm, err);
		if (st != CRM_OK) {
			cf->bad_value = 1;
			return st;
		}
		ts[TS_USE] = -1;
		if (crm_timing_compiled_(m, k, ln, &tm))
			continue;
		for (int s = 0; s < m->nslots && ts[TS_USE] < 0; s++) {
			const int *sl = ts + TS_SLOT(s);
			if (sl[0] && sl[1] == tm.start && sl[2] == tm.end_given && sl[3] == tm.ramp)
				ts[TS_USE] = s;
		}
		if (ts[TS_USE] >= 0)
			continue;
		/* Months not met recently: weights computed into the slot used longest ago. */
		int s = ts[TS_NEXT];
		int *sl = ts + TS_SLOT(s);
		double *w = cf->timing_weight + (k * (size_t)m->nslots + (size_t)s) * np;
		ts[TS_NEXT] = (s + 1) % m->nslots;
		line_weights(m, ln, &tm, w);
		sl[0] = 1;
		sl[1] = tm.start;
		sl[2] = tm.end_given;
		sl[3] = tm.ramp;
		sl[4] = m->n + 1;
		sl[5] = -1;
		for (int p = 0; p <= m->n; p++)
			if (w[p] != 0) {
				sl[4] = p < sl[4] ? p : sl[4];
				sl[5] = p;
			}
		ts[TS_USE] = s;
	}
	return CRM_OK;
}

/*
 * For crm_model_summary: whether some line's months, with the inputs at vals
 * (period 1), differ from the compiled ones, or cannot be had at all; either
 * way the full evaluation decides.
 */
static int timing_moved(const crm_model *m, const double *vals)
{
	if (!timing_overridden(m))
		return 0;
	for (size_t k = 0; k < m->ntimed; k++) {
		const crm_line *ln = &m->sc->lines[m->timed[k]];
		crm_line_timing tm;
		if (crm_line_timing_eval(m->sc, ln, vals, &tm, NULL) != CRM_OK ||
		    !crm_timing_compiled_(m, k, ln, &tm))
			return 1;
	}
	return 0;
}

/*
 * For crm_model_summary: line l's value times its share of adoption (fixed,
 * since a varying share makes the model varying). -1 when the share is
 * outside 0..1: the full evaluation reports it.
 */
static int fold_adoption(const crm_model *m, const double *vals, size_t l, double *x)
{
	int a = m->adopt[l];

	if (a < 0)
		return 0;
	if (!(vals[a] >= 0 && vals[a] <= 1))
		return -1;
	*x *= vals[a];
	return 0;
}

crm_status crm_model_check_timing(const crm_model *m, crm_cashflow *cf, crm_error *err)
{
	const crm_scenario *sc = m->sc;
	double *vals = cf->scratch;
	crm_expr_env env = { vals, m->zeros, m->year[1], m->month[1] };

	if (!m->ntimed)
		return CRM_OK;
	for (size_t k = 0; k < m->ni; k++) {
		int i = m->order[k];
		vals[i] = isnan(m->override[i]) ? crm_expr_eval(sc->inputs[i].value, &env)
						: m->override[i];
	}
	for (size_t k = 0; k < m->ntimed; k++) {
		crm_line_timing tm;
		crm_status st = crm_line_timing_eval(sc, &sc->lines[m->timed[k]], vals, &tm, err);
		if (st != CRM_OK)
			return st;
	}
	return CRM_OK;
}

double crm_cashflow_adoption(const crm_model *m, const crm_cashflow *cf, size_t l, int p)
{
	size_t np = (size_t)m->n + 1;

	if (m->adopt[l] < 0 || p < 0 || p > m->n)
		return 1.0;
	return cf->input[(size_t)m->adopt[l] * np + (size_t)p];
}

crm_status crm_model_eval(const crm_model *m, crm_cashflow *cf, crm_error *err)
{
	const crm_scenario *sc = m->sc;
	size_t np = (size_t)m->n + 1, ni = m->ni;
	/* Inputs period by period, row-major [p][i], in the result's scratch space. */
	double *vals = cf->scratch;
	/* When no value changes by period, every period has period 1's inputs. */
	int last = m->any_varying ? m->n : 1;

	cf->bad_value = 0;     /* set again below by this evaluation only */

	for (int p = 1; p <= last; p++) {
		crm_expr_env env = { vals + (size_t)p * ni, p > 1 ? vals + (size_t)(p - 1) * ni : m->zeros,
				     m->year[p], m->month[p] };
		for (size_t k = 0; k < ni; k++) {
			int i = m->order[k];
			double v;
			if (p > 1 && m->input_fixed[i])
				v = vals[ni + (size_t)i];
			else if (!isnan(m->override[i]))
				v = m->override[i];
			else if (!isfinite(v = crm_expr_eval(sc->inputs[i].value, &env)))
				return not_finite(m, cf, err, p, 1, (size_t)i, v);
			vals[(size_t)p * ni + (size_t)i] = v;
		}
	}
	/* The Initial column sees the inputs' first-period values. */
	if (ni)
		memcpy(vals, vals + ni, ni * sizeof *vals);

	if (m->ntimed && line_timings(m, cf, vals + ni, err) != CRM_OK)
		return CRM_EDATA;
	/* After the lines' months: a share is checked where its benefit has an amount. */
	if (m->nadopt && check_adoption(m, cf, vals, last, err) != CRM_OK)
		return CRM_EDATA;
	if (cf->keep_inputs)
		for (size_t i = 0; i < ni; i++)
			for (size_t p = 0; p < np; p++)
				cf->input[i * np + p] = vals[((int)p <= last ? p : 1) * ni + i];

	memset(cf->costs, 0, np * sizeof(double));
	memset(cf->benefits, 0, np * sizeof(double));
	for (size_t l = 0; l < m->nl; l++) {
		const crm_line *ln = &sc->lines[l];
		int first, lastp;
		const double *w = weights_in_use(m, cf, l, &first, &lastp);
		double *out = cf->amount + l * np;
		double *total = ln->kind == CRM_COST ? cf->costs : cf->benefits;
		double factor = m->line_factor[l];
		int ad = m->adopt[l];
		/* Periods a line's months may have left since the last evaluation hold 0. */
		if (cf->keep_amounts && m->ntimed && crm_line_has_timing_formula(ln))
			memset(out, 0, np * sizeof *out);
		if (cf->keep_amounts && ad >= 0)
			memset(cf->before_adoption + l * np, 0, np * sizeof(double));
		if (!isnan(m->line_override[l]) || m->line_fixed[l]) {
			/* The same value in every period: one evaluation, on period 1's inputs. */
			double v = m->line_override[l];
			if (isnan(v)) {
				crm_expr_env env1 = { vals + ni, m->zeros, m->year[1], m->month[1] };
				v = crm_expr_eval(ln->value, &env1);
			}
			if (!isfinite(v))
				return not_finite(m, cf, err, first <= lastp ? first : 1, 0, l, v);
			v *= factor;
			if (ad >= 0 && !m->input_fixed[ad]) {
				/* An overridden value with a share that varies by period. */
				for (int p = first; p <= lastp; p++) {
					double a = v * w[p];
					if (cf->keep_amounts) {
						cf->before_adoption[l * np + (size_t)p] = a;
						out[p] = a * vals[(size_t)p * ni + (size_t)ad];
					}
					total[p] += a * vals[(size_t)p * ni + (size_t)ad];
				}
				if (!isnan(m->line_df[l]))
					cf->line_dated[l] = first <= lastp ? v * w[first] *
							    vals[(size_t)first * ni + (size_t)ad] : 0;
				continue;
			}
			if (ad >= 0) {
				if (cf->keep_amounts)
					for (int p = first; p <= lastp; p++)
						cf->before_adoption[l * np + (size_t)p] = v * w[p];
				v *= vals[ni + (size_t)ad];
			}
			if (!isnan(m->line_df[l]))
				cf->line_dated[l] = first <= lastp ? v * w[first] : 0;
			if (cf->keep_amounts)
				for (int p = first; p <= lastp; p++) {
					out[p] = v * w[p];
					total[p] += out[p];
				}
			else if (first <= lastp)
				axpy(total + first, w + first, v, lastp - first + 1);
			continue;
		}
		for (int p = first; p <= lastp; p++) {
			if (w[p] == 0.0)
				continue;
			/* Period 0 (Initial) sees the first period's inputs, and no prev(). */
			crm_expr_env env = { vals + (size_t)p * ni,
					     p > 1 ? vals + (size_t)(p - 1) * ni : m->zeros,
					     m->year[p], m->month[p] };
			double v = crm_expr_eval(ln->value, &env);
			if (!isfinite(v))
				return not_finite(m, cf, err, p, 0, l, v);
			double a = v * w[p] * factor;
			if (ad >= 0) {
				if (cf->keep_amounts)
					cf->before_adoption[l * np + (size_t)p] = a;
				a *= vals[(size_t)p * ni + (size_t)ad];
			}
			if (!isnan(m->line_df[l]))
				cf->line_dated[l] = a;   /* a once line: its only period */
			if (cf->keep_amounts)
				out[p] = a;
			total[p] += a;
		}
	}
	double cum = 0, cumpv = 0;
	for (size_t p = 0; p < np; p++) {
		cf->pv_costs[p] = cf->costs[p] * m->df[p];
		cf->pv_benefits[p] = cf->benefits[p] * m->df[p];
	}
	if (m->any_line_df)
		dated_lines(m, cf);
	for (size_t p = 0; p < np; p++) {
		cf->net[p] = cf->benefits[p] - cf->costs[p];
		cf->pv_net[p] = m->any_line_df ? cf->pv_benefits[p] - cf->pv_costs[p]
					       : cf->net[p] * m->df[p];
		cum += cf->net[p];
		cumpv += cf->pv_net[p];
		cf->cumulative[p] = cum;
		cf->cumulative_pv[p] = cumpv;
	}
	if (!isfinite(cum) || !isfinite(cumpv))
		return overflow_error(m, cf, vals, NULL, err);
	return CRM_OK;
}

/* --------------------------------------------------------------- summary */

int crm_model_summary_fast(const crm_model *m)
{
	return !m->any_varying;
}

/*
 * The flows of every period, out[p] = sum over lines of v[l] x w[l][p], for
 * the line-major weights w (wl or wld). FLOW_BLOCK periods at a time are
 * kept in registers while the lines active in them are added, in line
 * order, as a full evaluation adds them (a line's zero weights add exact
 * zeros), so each flow is the same number. Two-lane vectors (SSE2 on
 * x86-64, NEON on ARM) everywhere; on x86-64 processors with AVX2, four-lane
 * ones, chosen at run time. Both multiply and add separately, never fused,
 * in the same order, so every processor gets the same bits.
 */
#if defined(__GNUC__) && defined(__x86_64__)
#define FLOW_AVX2 1
typedef double v4d __attribute__((vector_size(32)));

__attribute__((target("avx2")))
static void flows_avx2(const crm_model *m, const double *w, const double *v, double *out)
{
	size_t np = (size_t)m->n + 1;

	for (size_t p0 = 0; p0 < np; p0 += FLOW_BLOCK) {
		double acc[FLOW_BLOCK];
		v4d a0 = { 0, 0, 0, 0 }, a1 = { 0, 0, 0, 0 };
		for (size_t l = 0; l < m->nl; l++) {
			if (m->plast[l] < (int)p0 || m->pfirst[l] >= (int)(p0 + FLOW_BLOCK))
				continue;
			const double *wp = w + l * m->wstride + p0;
			v4d x0, x1, vl = { v[l], v[l], v[l], v[l] };
			memcpy(&x0, wp, sizeof x0);
			memcpy(&x1, wp + 4, sizeof x1);
			a0 += vl * x0;
			a1 += vl * x1;
		}
		memcpy(acc, &a0, sizeof a0);
		memcpy(acc + 4, &a1, sizeof a1);
		memcpy(out + p0, acc, (np - p0 < FLOW_BLOCK ? np - p0 : FLOW_BLOCK) * sizeof *acc);
	}
}
#endif

static void flows(const crm_model *m, const double *w, const double *v, double *out)
{
	size_t np = (size_t)m->n + 1;

#ifdef FLOW_AVX2
	if (__builtin_cpu_supports("avx2")) {
		flows_avx2(m, w, v, out);
		return;
	}
#endif
	for (size_t p0 = 0; p0 < np; p0 += FLOW_BLOCK) {
		double acc[FLOW_BLOCK];
#if defined(__GNUC__)
		v2d a0 = { 0, 0 }, a1 = { 0, 0 }, a2 = { 0, 0 }, a3 = { 0, 0 };
		for (size_t l = 0; l < m->nl; l++) {
			if (m->plast[l] < (int)p0 || m->pfirst[l] >= (int)(p0 + FLOW_BLOCK))
				continue;
			const double *wp = w + l * m->wstride + p0;
			v2d x0, x1, x2, x3, vl = { v[l], v[l] };
			memcpy(&x0, wp, sizeof x0);
			memcpy(&x1, wp + 2, sizeof x1);
			memcpy(&x2, wp + 4, sizeof x2);
			memcpy(&x3, wp + 6, sizeof x3);
			a0 += vl * x0;
			a1 += vl * x1;
			a2 += vl * x2;
			a3 += vl * x3;
		}
		memcpy(acc, &a0, sizeof a0);
		memcpy(acc + 2, &a1, sizeof a1);
		memcpy(acc + 4, &a2, sizeof a2);
		memcpy(acc + 6, &a3, sizeof a3);
#else
		for (int j = 0; j < FLOW_BLOCK; j++)
			acc[j] = 0;
		for (size_t l = 0; l < m->nl; l++)
			if (m->plast[l] >= (int)p0 && m->pfirst[l] < (int)(p0 + FLOW_BLOCK))
				for (int j = 0; j < FLOW_BLOCK; j++)
					acc[j] += v[l] * w[l * m->wstride + p0 + (size_t)j];
#endif
		memcpy(out + p0, acc, (np - p0 < FLOW_BLOCK ? np - p0 : FLOW_BLOCK) * sizeof *acc);
	}
}

double crm_flow_at_(const crm_model *m, int d, const double *v, size_t stride, int p)
{
	const double *w = (d ? m->wtd : m->wt) + (size_t)p * m->nl;
	double f = 0;

	for (size_t l = 0; l < m->nl; l++)
		f += v[l * stride] * w[l];
	return f;
}

/*
 * Payback as crm_payback_compute defines it: the last time the cumulative
 * net flow goes from below 0 to 0 or above, after which it stays >= 0. The
 * cumulative sum to period k is C(k) = sum over lines, in line order, of
 * v[l] x cw[k][l]. At the end it must be above tol (below -tol: not reached).
 * Then the segments of PB_SEG periods are taken back from the end: one whose
 * lower bound of C (each line's running sum at its least or its greatest in
 * the segment, whichever gives less) is above tol holds no crossing; in any
 * other, each period from its last: the first C(k) below 0 gives the
 * payback, k plus the part of period k + 1's flow that brings C to 0.
 * Before kfirst no line has an amount and C is exactly 0: not below 0.
 * Returns 1 and sets *months when reached, 0 when not, -1 when a
 * cumulative sum it looks at lands within tol of 0 (undecided here).
 */
int crm_payback_short_(const crm_model *m, int d, const double *v, double tol, double *months)
{
	size_t nl = m->nl;
	const double *cw = m->cw[d];
	double c = 0;

	for (size_t l = 0; l < nl; l++)
		c += v[l] * cw[(size_t)m->n * nl + l];
	if (fabs(c) <= tol)
		return -1;
	if (c < 0)
		return 0;
	for (int sg = m->nseg - 1; sg >= 0 && (sg + 1) * PB_SEG > m->kfirst[d]; sg--) {
		const double *lo = m->cmin[d] + (size_t)sg * nl, *hi = m->cmax[d] + (size_t)sg * nl;
		double lb = 0;
		for (size_t l = 0; l < nl; l++) {
			double a = v[l] * lo[l], b = v[l] * hi[l];
			lb += a < b ? a : b;
		}
		if (lb > tol)
			continue;
		int k0 = sg * PB_SEG, k1 = k0 + PB_SEG - 1 < m->n - 1 ? k0 + PB_SEG - 1 : m->n - 1;
		k0 = k0 > m->kfirst[d] ? k0 : m->kfirst[d];
		for (int k = k1; k >= k0; k--) {
			c = 0;
			for (size_t l = 0; l < nl; l++)
				c += v[l] * cw[(size_t)k * nl + l];
			if (fabs(c) <= tol)
				return -1;
			if (c < 0) {
				*months = ((double)k + (-c) / crm_flow_at_(m, d, v, 1, k + 1)) * m->mpp;
				return 1;
			}
		}
	}
	*months = 0;    /* never below 0 */
	return 1;
}

/*
 * The NPV part of crm_model_summary and crm_model_summary_partial: the inputs
 * marked in `in` and the line values marked in `line` are evaluated again
 * (every one when NULL; the others keep what the previous call left in
 * cf->scratch), then NPV, PV of costs and *scale (the sum of |value| x |weight|)
 * are summed over every line, in line order.
 */
static crm_status summary_values(const crm_model *m, crm_cashflow *cf, const char *in,
				 const char *line, crm_summary *s, double *scale, crm_error *err)
{
	const crm_scenario *sc = m->sc;
	size_t ni = m->ni, nl = m->nl;
	double *vals = cf->scratch;          /* period 1's inputs, then the line values */
	double *v = cf->scratch + (ni + 1);  /* signs are in the weights */

	if (m->any_varying)
		return CRM_EUSAGE;
	if (crm_model_short_way_(m) != 0)
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory building the model");
	crm_expr_env env = { vals, m->zeros, m->year[1], m->month[1] };
	for (size_t k = 0; k < ni; k++) {
		int i = m->order[k];
		if (in && !in[i])
			continue;
		double x = m->override[i];
		if (isnan(x) && !isfinite(x = crm_expr_eval(sc->inputs[i].value, &env)))
			return not_finite(m, cf, err, 1, 1, (size_t)i, x);
		vals[i] = x;
	}
	if (m->ntimed && timing_moved(m, vals))
		return CRM_EUSAGE;   /* a line's months follow an overridden input */
	double npv = 0, pvc = 0, sc_abs = 0;
	for (size_t l = 0; l < nl; l++) {
		if (!line || line[l]) {
			double x = m->line_override[l];
			if (isnan(x))
				x = crm_expr_eval(sc->lines[l].value, &env);
			if (!isfinite(x))
				return not_finite(m, cf, err, m->pfirst[l] <= m->plast[l] ? m->pfirst[l] : 1,
						  0, l, x);
			if (m->nadopt && fold_adoption(m, vals, l, &x) != 0)
				return CRM_EUSAGE;   /* a share outside 0..1: the full evaluation says where */
			v[l] = x * m->line_factor[l];
		}
		npv += (sc->lines[l].kind == CRM_BENEFIT ? v[l] : -v[l]) * m->pvw[l];
		if (sc->lines[l].kind == CRM_COST)
			pvc += v[l] * m->pvw[l];
		sc_abs += fabs(v[l]) * m->absw[l];
	}
	if (!isfinite(npv) || !isfinite(sc_abs))
		return overflow_error(m, cf, NULL, v, err);
	s->npv = npv;
	s->pv_costs = pvc;
	s->payback_reached = s->dpayback_reached = 0;
	*scale = sc_abs;
	return CRM_OK;
}

crm_status crm_model_summary(const crm_model *m, crm_cashflow *cf, int want_payback,
			     int want_dpayback, crm_summary *s, crm_error *err)
{
	double *v = cf->scratch + (m->ni + 1);  /* the line values summary_values leaves */
	double scale;
	crm_status st = summary_values(m, cf, NULL, NULL, s, &scale, err);

	if (st != CRM_OK)
		return st;
	/*
	 * scale bounds the sum of |net flow| from above, so tol bounds the payback
	 * tolerance: a cumulative sum within it is left to the full evaluation.
	 */
	double tol = CRM_PAYBACK_REL_TOL * scale;
	if (want_payback) {
		flows(m, m->wl, v, cf->net);
		int r = crm_payback_short_(m, 0, v, tol, &s->payback_months);
		if (r < 0)
			return CRM_EUSAGE;
		s->payback_reached = r;
	}
	if (want_dpayback) {
		flows(m, m->wld, v, cf->pv_net);
		int r = crm_payback_short_(m, 1, v, tol, &s->dpayback_months);
		if (r < 0)
			return CRM_EUSAGE;
		s->dpayback_reached = r;
	}
	return CRM_OK;
}

void crm_model_flows_(const crm_model *m, const double *w, const double *v, double *out)
{
	flows(m, w, v, out);
}

void crm_model_summary_flows(const crm_model *m, const crm_cashflow *cf, double *net)
{
	flows(m, m->wl, cf->scratch + (m->ni + 1), net);   /* the line values crm_model_summary left */
}

double crm_model_line_timing(const crm_model *m, size_t l, int p)
{
	const crm_line *ln = &m->sc->lines[l];
	int months = 12 * m->set.horizon_years;
	double t = 0;

	if (p < 0 || p > m->n || ln->skipped)
		return 0;
	if (ln->timing == CRM_ONCE) {
		if (ln->start > months)
			return 0;
		return p == (ln->start == 0 ? 0 : (ln->start + m->mpp - 1) / m->mpp) ? 1.0 : 0.0;
	}
	double unit = ln->timing == CRM_MONTHLY ? 1.0 : 1.0 / 12.0;
	int end = ln->end_given ? ln->end_given : months;
	int first = p == 0 ? 0 : (p - 1) * m->mpp + 1, last = p * m->mpp;
	for (int mo = first > ln->start ? first : ln->start; mo <= last && mo <= end && mo <= months; mo++)
		t += unit * crm_ramp_factor(ln->curve, ln->ramp, ln->start, mo);
	return t;
}

/* ------------------------------------------------------ before risk adjustment */

crm_model *crm_model_new_unadjusted(const crm_scenario *sc, const crm_settings *s,
				    crm_error *err)
{
	return model_new(sc, s, 1, err);
}

/* ------------------------------------------------------------- data tables */

void crm_model_dependents(const crm_model *m, char *in, char *line)
{
	const crm_scenario *sc = m->sc;
	const int *deps;

	/* In evaluation order, an input's inputs are decided before it. */
	for (size_t k = 0; k < m->ni; k++) {
		int i = m->order[k];
		size_t nd = crm_expr_deps(sc->inputs[i].value, &deps);
		for (size_t d = 0; d < nd && !in[i]; d++)
			in[i] = in[deps[d]];
	}
	for (size_t l = 0; l < m->nl; l++) {
		size_t nd = crm_expr_deps(sc->lines[l].value, &deps);
		for (size_t d = 0; d < nd && !line[l]; d++)
			line[l] = in[deps[d]];
		if (m->nadopt && m->adopt[l] >= 0 && in[m->adopt[l]])
			line[l] = 1;   /* its share of adoption */
	}
}

crm_status crm_model_summary_partial(const crm_model *m, crm_cashflow *cf, const char *in,
				     const char *line, crm_summary *s, crm_error *err)
{
	double scale;

	return summary_values(m, cf, in, line, s, &scale, err);
}

