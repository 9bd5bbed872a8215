/*
 * model_priv.h - the compiled model, shared by model.c (one evaluation at a
 * time) and batch.c (many draws at once). Not part of the library's interface.
 */
#ifndef CRMROI_MODEL_PRIV_H
#define CRMROI_MODEL_PRIV_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

#include "crmroi/model.h"

#define FLOW_BLOCK 8            /* periods whose flows crm_model_summary builds at once */

struct crm_model {
	const crm_scenario *sc;
	crm_settings set;       /* the scenario's settings, or a caller's variant */
	int n;                  /* periods 1..n */
	int mpp;                /* months per period */
	size_t ni, nl;
	int *order;             /* inputs in evaluation order */
	double *weight;         /* nl x (n+1) */
	double *df;             /* n+1 */
	double *t_years;        /* n+1 */
	double *line_df;        /* nl: discount factor at a dated line's own day; NaN when none */
	int any_line_df;
	/*
	 * Dated discounting's days (crm_model_dated_days): their times in years,
	 * ascending, each once; the day of each period's end, and of each line
	 * paid on a day of its own that has an amount in the horizon (-1 for
	 * the others). NULL without dated discounting.
	 */
	size_t ndays;
	double *day_t;          /* ndays */
	int *period_day;        /* n+1 */
	int *line_day;          /* nl */
	int unadjusted;         /* every line's TEI risk taken as 0 (crm_model_new_unadjusted) */
	double *override;       /* ni, NaN when not overridden */
	double *line_override;  /* nl, NaN when not overridden */
	double *zeros;          /* ni zeros: prev() in the first period */
	/*
	 * Values that cannot change between periods (no year, month, prev() or
	 * series, directly or through the inputs they use) are evaluated once per
	 * evaluation instead of once per period.
	 */
	char *input_fixed;      /* ni */
	char *line_fixed;       /* nl */
	int *year, *month;      /* n+1: the period variables (period 0 sees period 1's) */
	int any_varying;        /* some input or line value changes between periods */
	/*
	 * Per line: its probability (a risk event counts at its expected value),
	 * or 0 / 1 when a simulation draws whether the event happens.
	 */
	double *line_factor;
	int *gnext;             /* nl: the next line of the same group, -1 after its last */
	int *pfirst, *plast;    /* nl: first and last period with a nonzero weight */
	/*
	 * The short way's tables, from wt to cmax below: built on the first
	 * call that needs them (crm_model_short_way_), since a model evaluated
	 * only in full (the case of `run`, the workbook) has no use for them
	 * and they are six times the weights' size.
	 */
	pthread_mutex_t short_mu;
	int short_mu_init;
	atomic_int short_ready;
	/* For crm_model_summary: weights period-major, signed (+benefit, -cost). */
	double *wt;             /* (n+1) x nl: weight of line l in period p at [p*nl+l] */
	double *wtd;            /* the same times the discount factor */
	double *pvw;            /* nl: sum over periods of weight x discount factor */
	double *absw;           /* nl: sum over periods of |weight| */
	double *wl, *wld;       /* wt and wtd line-major: line l's weights at [l*wstride+p] */
	size_t wstride;         /* n+1 rounded up to whole blocks of FLOW_BLOCK; the rest are 0 */
	/* Timing from inputs: the lines whose start, end or ramp is a formula. */
	size_t ntimed;
	size_t *timed;
	int *tslot;             /* nl: index among the timed lines, -1 for the others */
	size_t ntiming_inputs;  /* the inputs those formulas use, directly or not */
	int nslots;             /* sets of weights a result buffer keeps per timed line */
	int *timing_inputs;
	/*
	 * ntimed: the months the timed lines' weights were built with, in a
	 * model built at a draw's months (crm_model_timed_); NULL: the
	 * scenario's own (the lines' start, end and ramp).
	 */
	crm_line_timing *ttm;
	/* Adoption: per line its input or -1; the inputs used as shares of adoption. */
	int *adopt;
	size_t nadopt;
	int *adopt_inputs;
	/*
	 * The short way's payback (crm_payback_short_), for the plain [0] and
	 * the discounted [1] flows: each line's running sum of its signed
	 * weights to period k, period-major, and per segment of PB_SEG periods
	 * (k = 0 .. n - 1) its least and greatest running sum there.
	 */
	int nseg;
	int kfirst[2];             /* the first period any line has an amount: C is exactly 0 before */
	double *cw[2];             /* (n+1) x nl: at [k * nl + l] */
	double *cmin[2], *cmax[2]; /* nseg x nl */
};

#define PB_SEG 8

/* The timing timed line k (line ln) has in m's weights. */
static inline crm_line_timing crm_timing_built_(const crm_model *m, size_t k, const crm_line *ln)
{
	return m->ttm ? m->ttm[k] : (crm_line_timing){ ln->start, ln->end_given, ln->ramp };
}

/* Whether tm is that timing. */
static inline int crm_timing_compiled_(const crm_model *m, size_t k, const crm_line *ln,
				       const crm_line_timing *tm)
{
	crm_line_timing b = crm_timing_built_(m, k, ln);

	return tm->start == b.start && tm->end_given == b.end_given && tm->ramp == b.ramp;
}

/*
 * m's model with the timed lines' weights built at the months tm (ntimed,
 * as crm_line_timing_eval gives them for a draw), its overrides and line
 * factors copied: a draw with those months is a draw that moves nothing in
 * it, so that the short way (crm_model_summary_batch) decides it. NULL on no
 * memory, and for a model discounted by date or without timed lines.
 */
crm_model *crm_model_timed_(const crm_model *m, const crm_line_timing *tm);

/*
 * Build the short way's tables if they are not yet (thread-safe): 0, or -1
 * on no memory. crm_model_summary, its partial form and crm_batch_new call
 * it; the functions that read the tables after them need not.
 */
int crm_model_short_way_(const crm_model *m);

/*
 * Payback the short way for line values v (signs in the weights) and the
 * plain (d = 0) or discounted (d = 1) flows: 1 and *months when reached, 0
 * when not, -1 when undecided (a cumulative sum within tol of 0). See
 * model.c; crm_model_summary_batch computes the same to the last bit.
 */
int crm_payback_short_(const crm_model *m, int d, const double *v, double tol, double *months);
/* The flow of period p: sum over lines, in line order, of v[l] x weight (plain or discounted). */
double crm_flow_at_(const crm_model *m, int d, const double *v, size_t stride, int p);

/* Whether line l counts: a cost always, a benefit when its class is in the settings' set. */
int crm_model_line_counted_(const crm_model *m, size_t l);
/* out[p] = sum over lines of v[l] x w[l][p], as crm_model_summary builds net flows (w: wl or wld). */
void crm_model_flows_(const crm_model *m, const double *w, const double *v, double *out);
/*
 * The net flow of each of the model's dated days for line values v (as
 * crm_model_summary leaves them) into out (ndays), with net (n+1) as
 * scratch for the periods' net flows.
 */
void crm_model_dated_flows_(const crm_model *m, const double *v, double *net, double *out);

#endif
