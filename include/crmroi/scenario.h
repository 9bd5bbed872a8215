/*
 * crmroi/scenario.h - a business-case scenario as read from its CSV file.
 *
 * The loader turns rows into settings, inputs and cost/benefit lines, checks
 * every field, compiles every value and reports the first problem with its
 * file, line and column. It does not evaluate anything over time: that is the
 * model's job (crmroi/model.h).
 *
 * The structures are plain data, read-only for callers. Everything reachable
 * from a crm_scenario is owned by it and freed by crm_scenario_free.
 */
#ifndef CRMROI_SCENARIO_H
#define CRMROI_SCENARIO_H

#include <stddef.h>

#include "crmroi/blocks.h"
#include "crmroi/error.h"
#include "crmroi/expr.h"
#include "crmroi/tax.h"

#define CRM_MAX_HORIZON_YEARS 50

typedef enum crm_grid { CRM_GRID_YEAR, CRM_GRID_MONTH } crm_grid;
typedef enum crm_line_kind { CRM_COST, CRM_BENEFIT } crm_line_kind;
typedef enum crm_timing { CRM_ONCE, CRM_MONTHLY, CRM_YEARLY } crm_timing;
typedef enum crm_curve { CRM_CURVE_LINEAR, CRM_CURVE_SCURVE } crm_curve;
typedef enum crm_discounting {
	CRM_DISCOUNT_PERIODIC,  /* TEI: Initial undiscounted, period ends at (1+r)^(months/12) */
	CRM_DISCOUNT_DATED      /* every flow on its day, (1+r)^(days/365), as XNPV */
} crm_discounting;
typedef enum crm_dist {
	CRM_DIST_NONE, CRM_DIST_FIXED, CRM_DIST_TRIANGULAR, CRM_DIST_PERT,
	CRM_DIST_UNIFORM, CRM_DIST_NORMAL, CRM_DIST_LOGNORMAL
} crm_dist;
/*
 * What kind of value a benefit is (the class column): cash reaches the bank,
 * cost_reduction is spending that stops, productivity is hours freed (money
 * only when redeployed), cost_avoidance is spending that never starts, and
 * flexibility is the value of options the investment opens (TEI). Costs have
 * no class. The headline metrics count every class but flexibility.
 */
typedef enum crm_class {
	CRM_CLASS_CASH, CRM_CLASS_COST_REDUCTION, CRM_CLASS_PRODUCTIVITY,
	CRM_CLASS_COST_AVOIDANCE, CRM_CLASS_FLEXIBILITY, CRM_NCLASSES
} crm_class;
/* A set of classes, bit (1 << class) for each. */
#define CRM_CLASS_BIT(c) (1u << (c))
#define CRM_CLASSES_ALL ((1u << CRM_NCLASSES) - 1)
#define CRM_CLASSES_DEFAULT (CRM_CLASSES_ALL & ~CRM_CLASS_BIT(CRM_CLASS_FLEXIBILITY))

/*
 * Where something was written: file, line and column (1-based CSV field) of a
 * cell. With inheritance a scenario is read from several files; file points
 * to a name owned by the scenario.
 */
typedef struct crm_loc {
	const char *file;
	int line;
	int col;
} crm_loc;

/* The optional uncertainty of a plain-number value. */
typedef struct crm_range {
	int given;          /* low and high were both given */
	crm_dist dist;      /* CRM_DIST_NONE when the column is empty */
	double low, high;
	char *low_text, *high_text; /* as written, for display; NULL when not given */
	/* The cells of low, high and dist (one row: one file): read them through crm_range_loc. */
	const char *file;
	int cell_line[3], cell_col[3];
} crm_range;

/* Which cell of a range crm_range_loc gives. */
enum { CRM_RANGE_LOW, CRM_RANGE_HIGH, CRM_RANGE_DIST };

static inline crm_loc crm_range_loc(const crm_range *rg, int which)
{
	crm_loc l = { rg->file, rg->cell_line[which], rg->cell_col[which] };

	return l;
}

typedef struct crm_settings {
	char *title;                /* never NULL ("" when not given) */
	char *currency;             /* default "USD" */
	int horizon_years;          /* 1..CRM_MAX_HORIZON_YEARS, default 3 */
	double discount_rate;       /* annual, as a fraction; default 0.10 */
	char *discount_rate_note;   /* the note of the discount_rate row (why this rate); never
				       NULL, "" when none */
	crm_grid grid;              /* default CRM_GRID_YEAR */
	int start_year, start_month;/* calendar month of month 1; 0 when not given */
	double finance_rate;        /* MIRR; default the discount rate */
	double reinvest_rate;       /* MIRR; default the discount rate */
	double benefit_risk;        /* default risk of benefit lines, fraction */
	double cost_risk;           /* default risk of cost lines, fraction */
	int finance_given;          /* finance_rate was written; otherwise it follows discount_rate */
	int reinvest_given;         /* reinvest_rate was written; otherwise it follows discount_rate */
	/* The after-tax view (crmroi/tax.h), on when tax_given. */
	int tax_given;
	double tax_rate;            /* marginal tax rate, fraction */
	int tax_lag_years;          /* whole years from a year's profit to its tax payment */
	crm_tax_losses tax_losses;  /* default CRM_LOSSES_OFFSET */
	double declining_factor;    /* declining-balance rate = factor / life; default 2 */
	/* Dates: start_date may give a day; discounting may follow the calendar. */
	int start_day;              /* day of the investment date; 0 when start_date is YYYY-MM */
	crm_discounting discounting;
	int fiscal_year_start;      /* calendar month (1..12) a fiscal year starts in; 0 = none */
	/* Execution readiness (crmroi/assess.h): benefits x readiness_factor. */
	char *readiness;            /* the answers file read; NULL when the setting is not given */
	double readiness_score;     /* its total, 0..1000 */
	double readiness_floor;     /* the factor at score 0, fraction; default 0.50 */
	/*
	 * The factor on benefits, crm_assess_factor(score, floor), computed once
	 * when the scenario is read (and again by an analysis that varies the
	 * score or the floor), so that the model reads a number and never the
	 * questionnaire; 1 without the setting readiness.
	 */
	double readiness_factor;
	/* Benefit classes the model counts (CRM_CLASS_BIT set); costs always count. */
	unsigned classes;           /* default CRM_CLASSES_DEFAULT (all but flexibility) */
	/*
	 * The roll-out plan's limits (kind=area rows, crmroi plan); 0 = no limit.
	 * plan_slot_months: the length of a go-live slot (3: quarters, the default).
	 */
	int plan_slot_months;
	double plan_budget;         /* most costs in one year of the horizon */
	double plan_peak_funding;   /* most peak funding (by month, an amount > 0) */
	int plan_golives;           /* most areas going live in one slot */
	double plan_effort;         /* most go-live effort in one slot */
	int max_loss_given;
	double max_loss_probability;/* most P(NPV < 0), a fraction, when max_loss_given */
} crm_settings;

typedef struct crm_input {
	char *name;
	char *value_text;
	crm_expr *value;
	crm_range range;
	char *unit;         /* the unit column as written (percent, currency, count, ...); "" when none */
	/*
	 * Its name for people (the label column: "Lead conversion uplift"), which
	 * outputs people read show; "" when not given (they make one of the name).
	 */
	char *label;
	char *owner;        /* who answers for the estimate; "" when not given */
	char *note;
	crm_loc loc;        /* the row, and the value cell */
	char **extra;       /* x_ column values, crm_scenario.nextra of them */
	int timing;         /* bits 1 << CRM_TIMING_START, _END, _RAMP: the lines' fields that
			       follow it (directly or through other inputs); 0 for none */
	int adoption;       /* a benefit's adoption column names it: a share from 0 to 1 */
} crm_input;

/* Its fields are ordered so that none leaves a hole: a large case holds many. */
typedef struct crm_line {
	crm_line_kind kind;
	crm_timing timing;
	char *label;
	char *value_text;
	crm_expr *value;
	crm_range range;
	char *area;         /* area or category; "" when not given */
	int start, end;     /* months, inclusive; end clipped to the horizon, for display */
	int end_given;      /* end as written, unclipped; 0 = to the end of the horizon */
	int ramp;           /* months to full effect; 0 = at once */
	crm_curve curve;
	int risk_given;     /* risk came from the row, not a setting */
	double growth;      /* annual escalation, fraction */
	double risk;        /* effective risk (own or the default), fraction */
	double probability; /* chance the line happens at all (a risk event); 1 by default */
	/* Costs only: a capitalised cost reaches the profit through depreciation. */
	int capitalise;
	int life;                   /* whole years of depreciation (capitalised) */
	crm_depreciation depreciation;
	int salvage_given;
	double salvage;             /* value at the end of the life, received as cash */
	int date_year, date_month, date_day;  /* a once line paid on this day; 0 when none */
	int phase;          /* index in crm_scenario.phases, -1 when the phase column is empty */
	char *owner, *metric, *note;
	crm_loc loc;
	char **extra;
	/*
	 * Timing from inputs: start, end and ramp may be formulas over inputs
	 * whose values do not change between periods. start, end, end_given and
	 * ramp above then hold the timing at the inputs' own values; a model
	 * recomputes it when an input it uses is overridden (crm_line_timing_eval).
	 * Read them through crm_line_timing_expr, _text and _loc.
	 */
	struct crm_line_formulas *formulas;   /* NULL when none of the three is a formula */
	int adoption;       /* benefits: the input giving the share of adoption, -1 when none */
	int group;          /* index in crm_scenario.groups, -1 when the group column is empty */
	crm_loc adoption_loc;
	crm_class cls;      /* benefits: the class column (default cash); costs: CRM_CLASS_CASH */
	/*
	 * The roll-out plan: the area row (kind=area) the line belongs to, -1 when
	 * none; and its go-live as the plan sets it (crm_scenario_set_golive): the
	 * months moved (start and end above hold the moved months; a timing
	 * formula's result is moved by crm_line_timing_eval), or left out
	 * (skipped: the line counts nothing, its uncertain values are still drawn).
	 */
	int area_row;
	int shift;
	int skipped;
	int written_start, written_end_given;  /* the months as written, before any move */
} crm_line;

/* Which of a line's timing fields: indices into crm_line_formulas. */
enum { CRM_TIMING_START, CRM_TIMING_END, CRM_TIMING_RAMP };

/*
 * A line's start, end and ramp written as formulas over inputs (held apart
 * from crm_line, which most lines would carry empty).
 */
typedef struct crm_line_formulas {
	crm_expr *expr[3];   /* start, end, ramp; NULL when written as a number or empty */
	char *text[3];       /* the formulas as written; NULL when no formula */
	crm_loc loc[3];      /* their cells */
} crm_line_formulas;

/* Timing field k (CRM_TIMING_START, _END, _RAMP) of a line as a formula; NULL when none. */
static inline const crm_expr *crm_line_timing_expr(const crm_line *ln, int k)
{
	return ln->formulas ? ln->formulas->expr[k] : NULL;
}

/* Its text as written; NULL when no formula. */
static inline const char *crm_line_timing_text(const crm_line *ln, int k)
{
	return ln->formulas ? ln->formulas->text[k] : NULL;
}

/* Its cell; no file when no formula. */
static inline crm_loc crm_line_timing_loc(const crm_line *ln, int k)
{
	crm_loc none = { NULL, 0, 0 };

	return ln->formulas && ln->formulas->expr[k] ? ln->formulas->loc[k] : none;
}

/* A line's timing in whole months: start, end as written (0 = the horizon's end), ramp. */
typedef struct crm_line_timing {
	int start, end_given, ramp;
} crm_line_timing;

/*
 * Lines that happen together (the group column): they share one probability
 * and a simulation draws them once, so that a gate (a pilot's go/no-go)
 * decides a rollout's costs and benefits together. Every line of the group
 * carries the group's probability in crm_line.probability.
 */
typedef struct crm_group {
	char *name;
	double probability;  /* 1 when no line of the group gives one */
	int first_line;      /* index in crm_scenario.lines of its first line */
	size_t nlines;
	int first_month;     /* the earliest start month of its lines: when it is decided */
	crm_loc loc;         /* the row of its first line */
	/*
	 * The decide column: the inputs observed by the group's month, on which
	 * the roll-out is decided (a real option: it goes ahead only when its
	 * expected value given them is positive); NULL, 0 when none.
	 */
	int *decide;
	size_t ndecide;
	crm_loc decide_loc;  /* the cell that gives them */
} crm_group;

/*
 * A benefit area of the roll-out plan (kind=area): lines that go live
 * together, in a slot of their own or not at all. crmroi plan chooses each
 * area's slot (crmroi/plan.h); the golive column states a choice, which
 * moves the area's lines when the scenario is read.
 */
#define CRM_MAX_AREAS 64
#define CRM_GOLIVE_AS_WRITTEN 0
#define CRM_GOLIVE_SKIP (-1)

typedef struct crm_plan_after {
	int area;            /* index in crm_scenario.areas: it must be live first */
	int lag;             /* whole slots after that area's go-live, 0 or more */
} crm_plan_after;

typedef struct crm_plan_area {
	char *name;          /* an identifier: its lines are those with this area, or its group's */
	int group;           /* the group column: its lines are that group's; -1 when none */
	size_t *lines;       /* indices in crm_scenario.lines, in file order */
	size_t nlines;
	double effort;       /* the value column: the effort its go-live takes in its slot */
	int first_slot, last_slot;   /* the slots allowed (start and end columns), 1-based */
	int skip_ok;         /* the skip column: it may be left out (yes, the default) */
	crm_plan_after *after;
	size_t nafter;
	char *after_text;    /* the after column as written; "" when none */
	int golive;          /* the golive column: CRM_GOLIVE_AS_WRITTEN, _SKIP or a slot */
	int written_month;   /* its go-live month as written: the earliest start of its
				benefit lines (of all its lines when it has none) */
	char *owner, *note;  /* "" when not given */
	crm_loc loc;         /* the row */
} crm_plan_area;

/* A rank (Spearman) correlation between two uncertain inputs. */
typedef struct crm_correlation {
	int a, b;           /* input indices */
	double rho;
	crm_loc loc;        /* the row, and the value cell */
} crm_correlation;

/* Where a row of the merged scenario comes from (for `crmroi check`). */
typedef struct crm_origin {
	char kind[16];          /* setting, input, cost, benefit, correlation, remove */
	char *name;
	crm_loc loc;            /* the row in effect (for remove: the remove row) */
	crm_loc replaced;       /* the inherited row it replaces or removes; file NULL if none */
} crm_origin;

#define CRM_MAX_BASE_DEPTH 32
/* Most rows a scenario may have, with its bases (a file may hold at most 64 MB). */
#define CRM_MAX_ROWS 1000000
/* Most x_ columns (own notes) a scenario may have, over all its files. */
#define CRM_MAX_EXTRA_COLUMNS 64
/* CRM_MAX_ERRORS (crmroi/error.h): most errors crm_scenario_check lists. */

/* A phase of the program (kind=phase): what its criteria and lines belong to. */
typedef struct crm_phase {
	char *name;         /* an identifier */
	int start, end;     /* months, inclusive; phases may overlap */
	char *owner, *note; /* "" when not given */
	crm_loc loc;        /* the row */
} crm_phase;

typedef enum crm_direction { CRM_DIR_UP, CRM_DIR_DOWN } crm_direction;

/*
 * A success criterion (kind=criterion): a measurable target for a phase.
 * baseline and target are plain numbers; percent tells whether they were
 * written with '%' (and are stored as fractions), so that measured values
 * must be written the same way.
 */
typedef struct crm_criterion {
	char *name;         /* an identifier */
	int phase;          /* index in crm_scenario.phases */
	char *metric;       /* what is measured, in words; "" when not given */
	int has_baseline, has_target;
	double baseline, target;
	char *baseline_text, *target_text; /* as written; "" when not given */
	int percent;        /* baseline or target was written with '%' */
	char *unit;         /* "" when not given */
	crm_direction direction;   /* up (higher is better) by default */
	int due;            /* month by which the target should be met; 0 when not given */
	char *owner, *note; /* "" when not given */
	crm_loc loc;        /* the row */
} crm_criterion;

typedef struct crm_scenario {
	char *file;             /* name used in messages ("<stdin>" for -) */
	char **files;           /* this file and every base it inherits from, child first */
	size_t nfiles;
	crm_origin *origins;    /* when it inherits (nfiles > 1): every merged row and
				   removal, in order; none for a scenario of one file */
	size_t norigins;
	crm_settings settings;
	crm_input *inputs;
	size_t ninputs;
	crm_line *lines;
	size_t nlines;
	crm_correlation *correlations;
	size_t ncorrelations;
	char **extra_names;     /* the x_ columns, in file order */
	size_t nextra;
	crm_warnings warnings;  /* allowed but probably unintended */
	crm_phase *phases;      /* kind=phase rows, in file order */
	size_t nphases;
	crm_criterion *criteria; /* kind=criterion rows, in file order */
	size_t ncriteria;
	crm_group *groups;      /* named by the group column, in order of first line */
	size_t ngroups;
	size_t nplaceholders;   /* values still equal to their placeholder cell (each a warning) */
	crm_plan_area *areas;   /* kind=area rows, in file order */
	size_t nareas;
	/*
	 * Where the text of its rows lives (names, labels, values as written,
	 * notes, x_ values, origins): blocks that crm_scenario_free releases at
	 * once, so that a row's words cost no allocation of their own. Nothing
	 * outside the loader writes to them or frees them.
	 */
	crm_block *text;
} crm_scenario;

/*
 * Load a scenario from a file, or from standard input when path is "-".
 * Returns NULL on failure with err filled (status CRM_EIO, CRM_EDATA or
 * CRM_ENOMEM). The caller owns the result.
 */
crm_scenario *crm_scenario_load(const char *path, crm_error *err);

/*
 * Load from memory. name labels messages. chunk is passed to crm_csv_parse
 * (0 for whole lines).
 */
crm_scenario *crm_scenario_parse(const char *buf, size_t len, const char *name,
				 size_t chunk, crm_error *err);

/*
 * Check a scenario the way a compiler does: like crm_scenario_load, but bad
 * data does not stop the reading. A bad row is skipped and the next one read,
 * so every independent error is found: the first CRM_MAX_ERRORS of them are
 * appended to errors (caller-owned; free with crm_warnings_free; each item's
 * status is its crm_status) and *unlisted counts the rest. Returns the
 * scenario only when there is no error; then the file's warnings are in the
 * list too, with status CRM_OK, in file order with the errors. err (may be
 * NULL) gets the first error, the one crm_scenario_load would report.
 */
crm_scenario *crm_scenario_check(const char *path, crm_warnings *errors, size_t *unlisted,
				 crm_error *err);
/* The same from memory; name labels messages. */
crm_scenario *crm_scenario_check_text(const char *buf, size_t len, const char *name,
				      crm_warnings *errors, size_t *unlisted, crm_error *err);

void crm_scenario_free(crm_scenario *sc);

/* Index of the input called name, or -1. */
int crm_scenario_find_input(const crm_scenario *sc, const char *name);

/*
 * The inputs in an order where each comes after those it uses (a post-order
 * depth-first walk of their formulas) into order, which has room for
 * ninputs. Returns 0, or -1 on no memory.
 */
int crm_scenario_input_order(const crm_scenario *sc, int *order);

/* Whether line l's start, end or ramp is a formula over inputs. */
int crm_line_has_timing_formula(const crm_line *ln);

/*
 * Line ln's timing with the inputs at vals (one value per input, by index; the
 * inputs a timing formula uses do not vary by period): each formula evaluated,
 * rounded to a whole month (halves away from zero) and checked as a number
 * written in its cell would be. A field without a formula keeps its own value.
 * CRM_EDATA with err located at the formula's cell, naming the input values
 * that led to the bad month.
 */
crm_status crm_line_timing_eval(const crm_scenario *sc, const crm_line *ln, const double *vals,
				crm_line_timing *out, crm_error *err);

/* Number of months in the horizon. */
int crm_scenario_months(const crm_scenario *sc);

/* The roll-out plan's go-live slots: how many the horizon has (the last may be short). */
int crm_plan_nslots(const crm_scenario *sc);
/* The first month of slot k (1-based). */
int crm_plan_slot_month(const crm_scenario *sc, int slot);
/*
 * Area a goes live in slot golive (1..crm_plan_nslots), is left out
 * (CRM_GOLIVE_SKIP) or keeps its lines as written (CRM_GOLIVE_AS_WRITTEN):
 * its lines' months move by the slot's first month less its written
 * go-live month (a line never moves before month 1, or before month 0 when
 * written there; an end follows its start), and its gates' months follow.
 * Models made from sc afterwards see the plan. What the golive column does.
 */
void crm_scenario_set_golive(crm_scenario *sc, size_t a, int golive);
/* Month m of a line moved by shift months, as crm_scenario_set_golive moves it. */
int crm_line_shift_month(int m, int shift);
/* Index of the area called name, or -1. */
int crm_scenario_find_area(const crm_scenario *sc, const char *name);

/* Index of the phase or criterion called name, or -1. */
int crm_scenario_find_phase(const crm_scenario *sc, const char *name);
int crm_scenario_find_criterion(const crm_scenario *sc, const char *name);

/*
 * Write " (did you mean 'x'?)" into buf when one of the n candidates is within
 * a few edits of word, else "".
 */
void crm_suggest(const char *word, const char *const *cands, size_t n, char *buf, size_t len);

/* Names for enums, as written in scenario files. */
const char *crm_dist_name(crm_dist d);
const char *crm_timing_name(crm_timing t);
const char *crm_curve_name(crm_curve c);
const char *crm_grid_name(crm_grid g);
const char *crm_class_name(crm_class c);
/* The class called name (exact, lower case); -1 when there is none. */
int crm_class_parse(const char *name);
/*
 * A comma-separated list of class names ("cash,cost_reduction") to a set of
 * CRM_CLASS_BIT. CRM_EUSAGE with a message (a did-you-mean and the accepted
 * names) when a name is unknown or the list is empty.
 */
crm_status crm_classes_parse(const char *list, unsigned *classes, crm_error *err);
/* Index of the group called name, or -1. */
int crm_scenario_find_group(const crm_scenario *sc, const char *name);

/* Whether area is one of the documented benefit areas (kind CRM_BENEFIT) or cost categories. */
int crm_area_is_standard(crm_line_kind kind, const char *area);

#endif
