/*
 * crmroi/model.h - a compiled scenario evaluated into cash flows over time.
 *
 * The model fixes everything that does not change between evaluations: the
 * period grid, the order in which inputs are computed, each line's weight per
 * period (share of active months x ramp x growth x risk factor) and the
 * discount factors. An evaluation then only runs the compiled formulas, so
 * sensitivity and simulation can evaluate the same model many times with some
 * inputs overridden, without re-reading or re-compiling anything.
 *
 * Periods are numbered 0..N: 0 is the Initial column (month 0, not
 * discounted), 1..N are years or months depending on the scenario's grid.
 */
#ifndef CRMROI_MODEL_H
#define CRMROI_MODEL_H

#include <stddef.h>

#include "crmroi/error.h"
#include "crmroi/finance.h"
#include "crmroi/scenario.h"

typedef struct crm_model crm_model;

/* One evaluation's results. Arrays have nperiods + 1 entries, index 0 = Initial. */
typedef struct crm_cashflow {
	int nperiods;            /* N */
	int months_per_period;   /* 12 on the year grid, 1 on the month grid */
	size_t nlines, ninputs;
	double *amount;          /* nlines x (N+1): risk-adjusted amount of line l in period p at [l*(N+1)+p] */
	double *input;           /* ninputs x (N+1): value of input i in period p at [i*(N+1)+p] */
	double *costs;           /* total cost per period (positive numbers are spending) */
	double *benefits;        /* total benefit per period */
	double *net;             /* benefits - costs */
	double *cumulative;      /* running sum of net */
	double *df;              /* discount factor per period (1 at Initial) */
	double *pv_net;          /* net x df */
	double *cumulative_pv;   /* running sum of pv_net */
	double *t_years;         /* time of each period end in years (0 at Initial) */
	/*
	 * Discounted costs and benefits per period: costs x df, benefits x df,
	 * except that with dated discounting a once line paid on a day of its own
	 * (crm_line.date_*) is discounted at that day, not at its period's end.
	 */
	double *pv_costs, *pv_benefits;
	const double *line_df;   /* per line: its own discount factor, NaN when it has none (borrowed) */
	double *line_dated;      /* per line: the amount of a line with its own day, NaN otherwise */
	int keep_inputs;         /* fill `input` (1 by default; simulations turn it off for speed) */
	int keep_amounts;        /* fill `amount` (1 by default; simulations turn it off) */
	double *scratch;         /* the evaluator's working space */
	/*
	 * Benefits with an adoption column: the amount before the share of
	 * adoption, laid out as `amount` (other lines 0); filled with amount.
	 */
	double *before_adoption;
	/*
	 * Set when the last evaluation failed because an input gave a line a
	 * month or a share of adoption it cannot have (not a division by zero):
	 * an error in the scenario's ranges, not an undefined point.
	 */
	int bad_value;
	/*
	 * Lines whose start, end or ramp follows inputs: their weights for the
	 * months met most recently, when these differ from the compiled ones.
	 * The evaluator's own; NULL when the model has no timing formulas.
	 */
	double *timing_weight;   /* such lines x a few sets of months x (N+1) */
	int *timing_state;       /* the evaluator's bookkeeping for those lines */
} crm_cashflow;

/*
 * Compile a scenario into a model. The model borrows sc, which must outlive
 * it. Returns NULL with err filled on failure.
 */
crm_model *crm_model_new(const crm_scenario *sc, crm_error *err);
/*
 * The same with other settings (a discount rate or horizon being varied).
 * Lines without a risk of their own take the default risks of s. String
 * members of s are borrowed and must outlive the model.
 */
crm_model *crm_model_new_with(const crm_scenario *sc, const crm_settings *s, crm_error *err);
void crm_model_free(crm_model *m);
/*
 * The model of crm_model_new_with with every line's risk taken as 0: the plan
 * before risk adjustment (a risk event still counts at its probability).
 */
crm_model *crm_model_new_unadjusted(const crm_scenario *sc, const crm_settings *s,
				    crm_error *err);

const crm_scenario *crm_model_scenario(const crm_model *m);
/* The settings in force: the scenario's, or those given to crm_model_new_with. */
const crm_settings *crm_model_settings(const crm_model *m);
int crm_model_periods(const crm_model *m);

/*
 * Replace input i by a constant in every period (for sensitivity work), or
 * restore its own value with crm_model_clear_override. i must be a valid index.
 */
void crm_model_override(crm_model *m, size_t i, double value);
void crm_model_clear_override(crm_model *m, size_t i);
/* The same for the value of cost or benefit line l (before timing, ramp, growth and risk). */
void crm_model_override_line(crm_model *m, size_t l, double value);
void crm_model_clear_line_override(crm_model *m, size_t l);
/*
 * A line with a probability below 1 (a risk event) counts at its expected
 * value: amount x probability. A simulation instead draws whether it happens:
 * crm_model_set_occurs makes it count whole (occurs) or not at all, and
 * crm_model_clear_occurs goes back to the expected value.
 */
void crm_model_set_occurs(crm_model *m, size_t l, int occurs);
void crm_model_clear_occurs(crm_model *m, size_t l);

/*
 * Allocate a result buffer for m; free with crm_cashflow_free. NULL on no
 * memory. A buffer belongs to the model it was made for: evaluating another
 * model into it is not allowed.
 */
crm_cashflow *crm_cashflow_new(const crm_model *m);
void crm_cashflow_free(crm_cashflow *cf);

/*
 * Evaluate the model into cf (allocated for this model). Fails with CRM_EDATA
 * when a value is not a finite number in some period (a division by zero, an
 * overflow), naming the input or line and the period.
 */
crm_status crm_model_eval(const crm_model *m, crm_cashflow *cf, crm_error *err);

/*
 * What a simulation needs from one evaluation, computed the short way when the
 * model allows it (crm_model_summary_fast): no value varies by period, so a
 * line's amounts are its value times fixed weights, NPV is a dot product over
 * lines, and the cumulative net flow to any period is a dot product of the
 * line values with the weights' running sums, so payback needs it only in
 * the periods that bounds per segment of periods cannot rule out.
 */

typedef struct crm_summary {
	double npv, pv_costs;
	int payback_reached, dpayback_reached;
	double payback_months, dpayback_months;
} crm_summary;

/* Whether crm_model_summary can take the short way for this model. */
int crm_model_summary_fast(const crm_model *m);

/*
 * Evaluate into s. want_payback / want_dpayback choose what is computed.
 * Returns CRM_OK; CRM_EDATA when a value is not a finite number (as
 * crm_model_eval); or CRM_EUSAGE when the short way cannot decide (a
 * cumulative sum within rounding of zero, or a model that varies by period):
 * the caller then evaluates in full with crm_model_eval. On CRM_OK with
 * want_payback, cf->net holds every period's net flow (as
 * crm_model_summary_flows gives it); with want_dpayback, cf->pv_net the
 * discounted ones. Nothing else of cf is filled.
 */
crm_status crm_model_summary(const crm_model *m, crm_cashflow *cf, int want_payback,
			     int want_dpayback, crm_summary *s, crm_error *err);

/*
 * After crm_model_summary returned CRM_OK: the net flow of every period
 * (benefits - costs, index 0 = Initial) into net[0..N], from the line values
 * it computed and the fixed weights, for IRR on the short way. Not for dated
 * discounting, whose lines on days of their own are flows of their own.
 */
void crm_model_summary_flows(const crm_model *m, const crm_cashflow *cf, double *net);

/*
 * Dated discounting on the short way. The days a draw's flows fall on are
 * fixed by the model: each period's end and each line paid on a day of its
 * own, in time order, each day once. crm_model_dated_days gives how many and
 * their times in years from the investment date (*t borrowed from the
 * model); 0 when the model does not discount by date.
 */
size_t crm_model_dated_days(const crm_model *m, const double **t);
/*
 * After crm_model_summary returned CRM_OK: the net flow of each of those
 * days into v, as the metrics' XIRR takes them (a line on a day of its own
 * out of its period's flow and on its day), and each period's net flow into
 * net[0..N] (as crm_model_summary_flows).
 */
void crm_model_summary_dated_flows(const crm_model *m, const crm_cashflow *cf, double *net,
				   double *v);

/*
 * crm_model_summary for many draws at once: the Monte Carlo engine's short
 * way. The caller gives, per draw, the values of the inputs and line values
 * it draws and whether each risk event happens; every other input and line
 * takes its formula. Each draw's results are the numbers crm_model_summary
 * gives for the model with those overrides, to the last bit.
 */
typedef struct crm_batch crm_batch;

/*
 * A batch evaluator for m and up to cap draws per call, cap from 1 to 2^20;
 * NULL when cap is outside that, when crm_model_summary_fast(m) is 0, or on
 * no memory. Free with crm_batch_free. One per thread: it holds the scratch
 * of a call.
 */
crm_batch *crm_batch_new(const crm_model *m, size_t cap);
void crm_batch_free(crm_batch *b);

typedef struct crm_batch_draws {
	size_t n;                   /* draws, at most the batch's cap */
	/* Each of these arrays may be NULL: nothing of that kind is drawn. */
	const double *const *input; /* ninputs: n drawn values of input i, or NULL */
	const double *const *line;  /* nlines: n drawn values of line l, or NULL */
	/*
	 * nlines: for a line whose risk event is drawn, n values, nonzero when it
	 * happens (for a group: on any one line of it, which decides the whole
	 * group, as crm_model_set_occurs); NULL for the others.
	 */
	const double *const *occurs;
} crm_batch_draws;

#define CRM_BATCH_MONTHS 2

typedef struct crm_batch_result {
	double *npv, *pv_costs;     /* n each */
	double *payback, *dpayback; /* n each, when asked for: months, NaN when not reached */
	/*
	 * n: 1 where the short way cannot decide the draw (a value that is not
	 * a finite number, a share of adoption out of range, a cumulative sum
	 * within rounding of 0): the caller evaluates that draw alone, with
	 * crm_model_summary or crm_model_eval. The other results of such a
	 * draw are not set. A draw that moves lines' months (a drawn go-live)
	 * is decided on a model built at its months (the draws with the same
	 * months together, at most 32 sets of months per batch: the figures of
	 * crm_model_summary of that model, so within rounding of the full
	 * evaluation's, not always to the last bit); one that cannot be (more
	 * sets of months, months that cannot be computed) is marked full with
	 * the bit CRM_BATCH_MONTHS: crm_model_summary cannot decide it either.
	 */
	char *full;
} crm_batch_result;

/* CRM_EUSAGE, and nothing computed, when d->n is above the batch's cap. */
crm_status crm_model_summary_batch(const crm_model *m, crm_batch *b, const crm_batch_draws *d,
				   int want_payback, int want_dpayback, crm_batch_result *r);

/*
 * After crm_model_summary_batch: draw j's net flow of every period into
 * net[0..N], as crm_model_summary_flows gives it (at the draw's months for
 * a draw that moved them; not for a draw marked full).
 */
void crm_batch_flows(const crm_model *m, crm_batch *b, size_t j, double *net);
/* The same for the dated days, as crm_model_summary_dated_flows gives them. */
void crm_batch_dated_flows(const crm_model *m, crm_batch *b, size_t j, double *net, double *v);

/*
 * For data tables, where one or two values change between evaluations and
 * most of the model does not: crm_model_dependents expands in (ninputs
 * flags) and line (nlines flags), naming the inputs and line values about to
 * be overridden, to every input and line whose value depends on them,
 * directly or through other inputs.
 */
void crm_model_dependents(const crm_model *m, char *in, char *line);
/*
 * crm_model_summary's NPV and PV of costs (no payback) when only the flagged
 * inputs and lines (flags expanded by crm_model_dependents) changed since
 * the last crm_model_summary or crm_model_summary_partial into cf that
 * returned CRM_OK: the flagged values are evaluated again, the others kept
 * from then, and the sums are taken as crm_model_summary takes them, so the
 * result is the same to the last bit. Returns as crm_model_summary; after
 * anything but CRM_OK, call crm_model_summary again before this.
 */
crm_status crm_model_summary_partial(const crm_model *m, crm_cashflow *cf, const char *in,
				     const char *line, crm_summary *s, crm_error *err);

/*
 * The present value of line l's amounts in an evaluation cf (which kept its
 * amounts): each period's amount at the period's discount factor, or a line
 * paid on a day of its own (dated discounting) at that day's.
 */
double crm_cashflow_line_pv(const crm_cashflow *cf, size_t l);

/*
 * The net cash flow (benefits - costs) of each month 0..12 x horizon of the
 * evaluation cf, which kept its amounts: on the monthly grid the periods
 * themselves; on the yearly grid each line's amount of a year spread over
 * that year's months as the line's timing in that evaluation spreads it (its
 * active months, weighted by its ramp factor; the months its inputs moved it
 * to when they were overridden, a drawn go-live), and a once line's amount in
 * its own month. net has room for 12 x horizon + 1 values.
 */
void crm_cashflow_month_net(const crm_model *m, const crm_cashflow *cf, double *net);

/* The year (1-based) that period p (1..N) falls in; 0 for the Initial column. */
int crm_cashflow_year_of(const crm_cashflow *cf, int p);

/*
 * The ramp factor of a line in month m (m >= start): linear gives
 * min(1, (m - start + 1) / ramp); scurve gives the smoothstep 3x^2 - 2x^3 of
 * the same x, capped at 1. ramp 0 means 1 from the start.
 */
double crm_ramp_factor(crm_curve curve, int ramp, int start, int m);

/*
 * The timing part of line l's weight in period p (0..N): the sum over the
 * line's active months in p of unit (1 for monthly, 1/12 for yearly values) x
 * the ramp factor; for a once line, 1 in the period holding its start month.
 * The weight is this x (1 + growth)^(year - 1) x the risk factor, where year
 * is the year of period p (1 for the Initial column).
 */
double crm_model_line_timing(const crm_model *m, size_t l, int p);

/*
 * The share of adoption of line l in period p (0..N) in the evaluation just
 * made into cf (which kept its inputs), or 1 when the line has no adoption
 * column.
 */
double crm_cashflow_adoption(const crm_model *m, const crm_cashflow *cf, size_t l, int p);

/*
 * Whether every line gets months it can have with the model's inputs as they
 * stand (overrides included): CRM_EDATA with the message of
 * crm_line_timing_eval when not. Evaluates only what timing needs, into cf.
 */
crm_status crm_model_check_timing(const crm_model *m, crm_cashflow *cf, crm_error *err);

#endif
