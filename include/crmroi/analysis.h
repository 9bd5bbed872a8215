/*
 * crmroi/analysis.h - evaluating one scenario many times with some values
 * changed: the base of sensitivity analysis (tornado, spider, data tables,
 * break-even) and, later, simulation.
 *
 * A crm_analysis holds a compiled model and a result buffer. Setting a
 * parameter overrides an input or a line value in the model, or changes a
 * setting, in which case the model is rebuilt lazily before the next
 * evaluation. Nothing is re-read or re-parsed per point.
 */
#ifndef CRMROI_ANALYSIS_H
#define CRMROI_ANALYSIS_H

#include <stddef.h>

#include "crmroi/error.h"
#include "crmroi/metrics.h"
#include "crmroi/model.h"
#include "crmroi/scenario.h"

/* ------------------------------------------------------------------ metrics */

typedef enum crm_metric_id {
	CRM_METRIC_NPV, CRM_METRIC_ROI, CRM_METRIC_BCR, CRM_METRIC_IRR, CRM_METRIC_MIRR,
	CRM_METRIC_PAYBACK, CRM_METRIC_DPAYBACK, CRM_METRIC_PV_BENEFITS, CRM_METRIC_PV_COSTS,
	/* The same after tax (crmroi/aftertax.h): undefined without the setting tax_rate. */
	CRM_METRIC_AFTER_TAX_NPV, CRM_METRIC_AFTER_TAX_ROI, CRM_METRIC_AFTER_TAX_IRR,
	CRM_METRIC_AFTER_TAX_MIRR, CRM_METRIC_AFTER_TAX_PAYBACK, CRM_METRIC_AFTER_TAX_DPAYBACK,
	CRM_METRIC_COUNT
} crm_metric_id;

typedef enum crm_unit { CRM_UNIT_MONEY, CRM_UNIT_RATE, CRM_UNIT_RATIO, CRM_UNIT_MONTHS,
	CRM_UNIT_NUMBER } crm_unit;

typedef struct crm_metric_info {
	const char *name;    /* as on the command line: npv, roi, irr, ... */
	const char *label;   /* for people: NPV, ROI, IRR, ... */
	crm_unit unit;
} crm_metric_info;

const crm_metric_info *crm_metric_info_of(crm_metric_id id);
/* Parse a metric name (npv, roi, bcr, irr, mirr, payback, discounted_payback,
 * pv_benefits, pv_costs). Returns 0, or -1 when unknown. */
int crm_metric_parse(const char *name, crm_metric_id *out);

/* A metric at one point: a number, or the reason there is none. */
typedef struct crm_value {
	double v;
	int ok;
	const char *why;    /* static text when !ok: "no IRR", "not reached", ... */
} crm_value;

/* ---------------------------------------------------------------- parameters */

typedef enum crm_param_kind { CRM_PARAM_INPUT, CRM_PARAM_LINE, CRM_PARAM_SETTING } crm_param_kind;

typedef enum crm_setting_id {
	CRM_SET_DISCOUNT_RATE, CRM_SET_HORIZON_YEARS, CRM_SET_FINANCE_RATE,
	CRM_SET_REINVEST_RATE, CRM_SET_BENEFIT_RISK, CRM_SET_COST_RISK, CRM_SET_TAX_RATE,
	CRM_SET_READINESS_SCORE, CRM_SET_READINESS_FLOOR  /* only with setting readiness */
} crm_setting_id;

/* The rates a scenario accepts (discount, finance and reinvestment rates). */
#define CRM_RATE_MIN (-0.99)
#define CRM_RATE_MAX 10.0

/* Something that can be varied. Strings are borrowed from the scenario. */
typedef struct crm_param {
	crm_param_kind kind;
	int index;          /* input or line index, or a crm_setting_id */
	const char *name;   /* input name, line label or setting name */
	const char *label;  /* an input's label for people (its label column); NULL when none */
	int has_base;       /* the base is a single number (not a formula or a series) */
	double base;
	int has_range;      /* low and high from the scenario (or --pct) */
	double low, high;
	int whole;          /* only whole values make sense (horizon_years) */
	/*
	 * How people read its values: an input written as a percentage (75%),
	 * with the unit percent or rate, or an adoption share is a rate; one with
	 * the unit currency is money; a line's value is money.
	 */
	crm_unit unit;
	/*
	 * A number (CRM_UNIT_NUMBER): the decimals its own values are written
	 * with (base, low, high; at most 6), so that a break-even of 367.92
	 * users reads 368 and one of 0.6183 hours 0.62.
	 */
	int decimals;
	int count;          /* an input with the unit count: whole things, never more decimals */
	/*
	 * The values it can sensibly take, always containing the base: 1 to 50
	 * for horizon_years, -99% to 1000% for rates, 0% to 100% for risks and
	 * for inputs whose unit is percent or rate (widened to their low and
	 * high), unbounded (-inf, inf) otherwise. Break-even searches stay inside.
	 */
	double dom_lo, dom_hi;
	crm_loc loc;        /* where the value is written (file only for settings) */
	/*
	 * An input with a whole-number base that moves a line's start or end
	 * (CRM_PARAM_MONTH) or only a ramp (CRM_PARAM_DURATION): it is varied in
	 * whole months (whole is set), within the values that give every line a
	 * month it can have, from 0 (or lower, when they allow) to the horizon's
	 * last month (or the base, when beyond). 0 otherwise.
	 */
	int months;
} crm_param;

enum { CRM_PARAM_MONTH = 1, CRM_PARAM_DURATION = 2 };

/* The decimals a value is written with: the fewest (0 to 6) that give it to 1e-9 of itself. */
int crm_decimals_of(double v);

/*
 * Find an input, a cost or benefit line (by its label) or a numeric setting
 * (discount_rate, horizon_years, finance_rate, reinvest_rate, benefit_risk,
 * cost_risk) by name. CRM_EUSAGE with a message naming what exists when not
 * found.
 */
crm_status crm_param_find(const crm_scenario *sc, const char *name, crm_param *out,
			  crm_error *err);
/*
 * The parameter of input i, or of line l, as crm_param_find gives it by
 * name (an input that moves months may fail as there).
 */
crm_status crm_param_of_input(const crm_scenario *sc, size_t i, crm_param *out, crm_error *err);
void crm_param_of_line(const crm_scenario *sc, size_t l, crm_param *out);

/* ------------------------------------------------------------- evaluations */

typedef struct crm_analysis crm_analysis;

/* The analysis borrows sc. NULL with err filled on failure. */
crm_analysis *crm_analysis_new(const crm_scenario *sc, crm_error *err);
void crm_analysis_free(crm_analysis *a);
const crm_scenario *crm_analysis_scenario(const crm_analysis *a);

/*
 * Give parameter p the value v for the following evaluations. CRM_EUSAGE if v
 * is not allowed for p (a horizon that is not a whole number of years from 1
 * to 50, a rate at or below -100%, a benefit risk above 100%).
 */
crm_status crm_analysis_set(crm_analysis *a, const crm_param *p, double v, crm_error *err);
/* Back to the scenario's own value. */
void crm_analysis_reset(crm_analysis *a, const crm_param *p);

/*
 * Evaluate the model as it stands and compute n metrics into out. A model
 * that is not a finite number at this point (a division by zero) is not an
 * error: every metric is then undefined, with the reason. Errors are only
 * out of memory and GSL failures.
 */
crm_status crm_analysis_eval(crm_analysis *a, const crm_metric_id *ids, size_t n,
			     crm_value *out, crm_error *err);

/*
 * NPV alone, as crm_analysis_eval gives it, the short way when the model
 * allows it (crm_model_summary: each line's value times its present-value
 * weight, no pass over the periods), for data tables of many points. The
 * sum is taken in another order, so the two agree within rounding (about
 * 1e-15 relative), not always to the last bit.
 */
crm_status crm_analysis_npv(crm_analysis *a, crm_value *out, crm_error *err);
/*
 * NPV along one parameter, for a one-way data table: out[k] with input or
 * line p at x[k] (everything else as set), as crm_analysis_npv gives it, but
 * after the first point only what p changes is evaluated again
 * (crm_model_summary_partial: the same number as crm_analysis_npv to the
 * last bit). A point the short way cannot decide, a setting p and a model
 * the short way does not take are evaluated in full (crm_analysis_eval),
 * with its errors. p is at its base afterwards.
 */
crm_status crm_analysis_npv_along(crm_analysis *a, const crm_param *p, const double *x, size_t n,
				  crm_value *out, crm_error *err);
/*
 * NPV the short way at n one-at-a-time moves, to screen many parameters
 * cheaply: out[k] with input or line p[k] at v[k] and everything else at its
 * base. Only the values p[k] changes are evaluated again
 * (crm_model_summary_partial), so a point costs a pass over the lines'
 * values, not over their periods. out[k] is NaN where the short way does not
 * decide (a setting, a value that is not a finite number, a month or share it
 * leaves to the full evaluation, a model whose values vary by period):
 * evaluate those with crm_analysis_eval. Within rounding of
 * crm_analysis_eval's NPV, as crm_analysis_npv. Every parameter is at its
 * base afterwards.
 */
crm_status crm_analysis_npv_each(crm_analysis *a, const crm_param *p, const double *v, size_t n,
				 double *out, crm_error *err);

/* ---------------------------------------------------------------- tornado */

typedef struct crm_tornado_row {
	crm_param param;
	double low, high;          /* the values tried */
	crm_value at_low, at_high;
	double swing;              /* |at_high - at_low|, when both exist */
	int swing_ok;
} crm_tornado_row;

/*
 * One-at-a-time sensitivity of metric to every input and line value with a
 * range. With pct > 0, every input and line whose value is a plain number and
 * that has no range of its own is varied by +/- pct percent of its base. Rows are sorted
 * by swing, largest first; rows with an undefined end come last. *rows is
 * malloc'd (free it); *base receives the metric at the base case.
 */
crm_status crm_tornado(crm_analysis *a, crm_metric_id metric, double pct,
		       crm_tornado_row **rows, size_t *nrows, crm_value *base, crm_error *err);
/*
 * The first rows of crm_tornado's, the same to the last bit: as many as hold
 * `top` rows and `top_base` rows whose parameter has a base (every row when
 * there are fewer; top 0: every row). *nparams (unless NULL) receives how
 * many parameters were varied, the rows crm_tornado gives. For NPV, the rows
 * that cannot be among them are screened out the short way
 * (crm_analysis_npv_each), so a model with many lines with a range costs a
 * pass over the lines' values per row, and a full evaluation only for the
 * rows kept.
 */
crm_status crm_tornado_top(crm_analysis *a, crm_metric_id metric, double pct, size_t top,
			   size_t top_base, crm_tornado_row **rows, size_t *nrows, size_t *nparams,
			   crm_value *base, crm_error *err);

/* ----------------------------------------------------------------- spider */

/*
 * For every input whose value is a plain number, the metric with that input
 * at base x (1 + steps[k] / 100). values is nparams x nsteps, row-major; both
 * arrays are malloc'd.
 */
crm_status crm_spider(crm_analysis *a, crm_metric_id metric, const double *steps, size_t nsteps,
		      crm_param **params, size_t *nparams, crm_value **values, crm_error *err);

/* ------------------------------------------------------------------ sweep */

/* Largest number of points in one data table. */
#define CRM_SWEEP_MAX_POINTS 50000000.0

/*
 * The points from, from + step, ..., up to to (included when it is on the
 * grid, within rounding). CRM_EUSAGE when step is 0, points away from to, or
 * there would be more than max points.
 */
crm_status crm_steps(double from, double to, double step, double max, size_t *n,
		     crm_error *err);
/* Point i of such a range, computed without accumulating rounding. */
double crm_step_value(double from, double to, double step, size_t i);

/* -------------------------------------------------------------- break-even */

typedef enum crm_breakeven_status {
	CRM_BE_FOUND,      /* value is where the metric reaches the target */
	CRM_BE_NONE,       /* no crossing in [lo, hi] */
	CRM_BE_FLAT,       /* the metric does not change with this parameter */
	CRM_BE_NO_BASE,    /* the parameter is a formula or series: no single base value */
	CRM_BE_JUMP        /* the metric jumps over the target between jump_lo and jump_hi
			      (a step, or a metric that stops existing): no value reaches it */
} crm_breakeven_status;

typedef struct crm_breakeven {
	crm_param param;
	crm_breakeven_status status;
	double lo, hi;             /* the interval searched */
	double value;              /* the break-even value (CRM_BE_FOUND) */
	double neighbour;          /* whole numbers: the value next to it, below the target */
	double change;             /* (value - base) / |base|, when base != 0 */
	crm_value at_base, at_lo, at_hi;
	double jump_lo, jump_hi;   /* CRM_BE_JUMP: the two values the jump lies between */
	crm_value at_jump_lo, at_jump_hi;
	crm_value at_neighbour;    /* whole numbers, CRM_BE_FOUND: the metric at neighbour */
	int crossings;             /* crossings seen in the interval (the one nearest base is given) */
} crm_breakeven;

/* Points scanned in the interval before refining the crossing. */
#define CRM_BREAKEVEN_SCAN 256

/*
 * The default interval: [0, 10 x base] for a positive base, [10 x base, 0]
 * for a negative one, [-1, 1] for 0, each cut to the parameter's domain
 * (dom_lo, dom_hi); for horizon_years 1 to 50. The ends may be infinite for
 * a base beyond about 1e307: crm_breakeven_solve then refuses the interval.
 */
void crm_breakeven_interval(const crm_param *p, double *lo, double *hi);

/*
 * Where metric reaches target as parameter p moves within [lo, hi]. "Reaches"
 * means at or above: the break-even is where metric - target changes between
 * below 0 and at-or-above 0, the change nearest the base. A payback that is
 * not reached counts as above any target; another undefined metric has no
 * side. The metric is scanned at CRM_BREAKEVEN_SCAN points and the crossing
 * refined with GSL's Brent solver; when the metric does not pass through the
 * target there but jumps over it, the result is CRM_BE_JUMP with the two
 * values around the jump. For a whole-number parameter (horizon_years) every
 * whole value is tried, and the break-even is the value on the at-or-above
 * side of the crossing: the first that reaches the target when the base is
 * below it, the last still at or above it when the base is at or above it.
 *
 * CRM_EUSAGE when a whole-number interval leaves the parameter's domain (it
 * is checked before anything is allocated); CRM_EDATA when the interval is
 * not finite (a base value beyond about 1e307).
 */
crm_status crm_breakeven_solve(crm_analysis *a, const crm_param *p, crm_metric_id metric,
			       double target, double lo, double hi, crm_breakeven *out,
			       crm_error *err);

/* A break-even of one parameter among several, or why it could not be searched. */
typedef struct crm_breakeven_row {
	crm_breakeven be;       /* be.param in every row; the rest when searched */
	double lo, hi;          /* the interval given to the solver */
	int searched;           /* 0: the solver refused the interval, for the reason in why_not */
	char why_not[1024];
	unsigned left_out;      /* CRM_BE_FLAT: the classes left out it feeds (crm_param_left_out) */
} crm_breakeven_row;

/*
 * The break-even of each of the np parameters params[] (metric reaching
 * target), each over its default interval (crm_breakeven_interval), or over
 * [interval[0], interval[1]] when interval is not NULL, into rows[0..np). A
 * parameter whose search the solver refuses (CRM_EUSAGE, CRM_EDATA) keeps
 * its row, not searched, with the reason, and the others go on; the first
 * such error is copied to *first_fail when it is not NULL (its status stays
 * CRM_OK when every search was made). Errors: CRM_ENOMEM and numerical
 * failures.
 */
crm_status crm_breakeven_each(crm_analysis *a, const crm_param *params, size_t np,
			      crm_metric_id metric, double target, const double *interval,
			      crm_breakeven_row *rows, crm_error *first_fail, crm_error *err);

/*
 * The benefit classes parameter p feeds when everything it feeds is a
 * benefit the metrics leave out (a line of such a class, or an input whose
 * every line, directly or through other inputs, is one): why the metric does
 * not move with it. 0 otherwise: a setting, an input that moves a line's
 * months or feeds no line, or one that feeds a cost or a benefit counted.
 */
unsigned crm_param_left_out(crm_analysis *a, const crm_param *p);

#endif
