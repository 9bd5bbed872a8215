/*
 * crmroi/track.h - following an approved plan with actuals: plan against
 * actual, realisation and cost indexes, a re-forecast, and the phases'
 * success criteria and gate verdicts.
 *
 * The plan for tracking is always evaluated month by month, whatever the
 * scenario's grid; the re-forecast is then discounted on the scenario's own
 * grid, as the approved plan was. Actuals come from CSV files (one per month
 * or one for all) whose rows name a month, a line or a criterion, and a value.
 * This module computes; it never prints.
 */
#ifndef CRMROI_TRACK_H
#define CRMROI_TRACK_H

#include <stddef.h>

#include "crmroi/error.h"
#include "crmroi/metrics.h"
#include "crmroi/scenario.h"

/* ------------------------------------------------------------------ actuals */

typedef enum crm_actual_kind {
	CRM_ACTUAL_COST, CRM_ACTUAL_BENEFIT, CRM_ACTUAL_CRITERION,
	/*
	 * What an estimate turned out to be: a realised input (its value as
	 * measured, in the input's own terms), and a realised event (a risk
	 * event's line, or a gate's group by its name: value 1 when it
	 * happened, 0 when not). They enter no cash flow; crmroi/calibrate.h
	 * reads them.
	 */
	CRM_ACTUAL_INPUT, CRM_ACTUAL_EVENT
} crm_actual_kind;

/* One row of an actuals file. */
typedef struct crm_actual {
	int month;              /* 0 (the Initial column) .. the horizon in months */
	crm_actual_kind kind;
	int index;              /* line index (cost, benefit; an event: its line, a gate's first
				   line), criterion or input index */
	double value;           /* amount booked in the month (costs positive), or the measured value */
	char *source, *note;    /* "" when not given */
	crm_loc loc;            /* file and line of the row; col of its value cell */
} crm_actual;

typedef struct crm_actuals crm_actuals;

/*
 * An empty set of actuals for sc, which it borrows (sc must outlive it).
 * NULL on no memory.
 */
crm_actuals *crm_actuals_new(const crm_scenario *sc);
void crm_actuals_free(crm_actuals *a);

/*
 * Add the rows of one actuals file (standard input when path is "-"). Every
 * problem is an error with file, line and column: an unknown column, kind,
 * line or criterion (with a suggestion when a name is close), a period that
 * is not a month of the horizon, a value that is not a number, and the same
 * (period, kind, name) given twice, in this file or an earlier one (the
 * message names both places). On error nothing of this file is kept.
 */
crm_status crm_actuals_read(crm_actuals *a, const char *path, crm_error *err);
/* The same from memory; name labels messages; chunk as for crm_csv_parse. */
crm_status crm_actuals_parse(crm_actuals *a, const char *buf, size_t len, const char *name,
			     size_t chunk, crm_error *err);

size_t crm_actuals_count(const crm_actuals *a);
/* Row i (0 <= i < count), borrowed. */
const crm_actual *crm_actuals_get(const crm_actuals *a, size_t i);

/* ----------------------------------------------------------------- tracking */

/* Plan and actual of one row in one month, or cumulated through it. */
typedef struct crm_track_cell {
	double plan;            /* approved: risk-adjusted */
	double plan_raw;        /* before risk adjustment */
	double actual;          /* the actual; the plan where none was given */
	double variance;        /* actual - plan */
	double variance_pct;    /* variance / |plan|, when pct_ok */
	int pct_ok;             /* 0 when the plan is 0 */
} crm_track_cell;

typedef enum crm_track_row_kind {
	CRM_TRACK_LINE, CRM_TRACK_COSTS, CRM_TRACK_BENEFITS, CRM_TRACK_NET
} crm_track_row_kind;

/* Where the trend re-forecast takes a line's factor from. */
typedef enum crm_trend_basis {
	CRM_TREND_OWN,          /* the line's own index */
	CRM_TREND_ALL,          /* no plan to date: the index of all costs or all benefits */
	CRM_TREND_PLAN          /* no index at all: the plan as is */
} crm_trend_basis;

typedef struct crm_track_row {
	crm_track_row_kind kind;
	int line;               /* line index for CRM_TRACK_LINE, else -1 */
	const char *name;       /* the line's label, or "Total costs", "Total benefits", "Net" */
	int is_cost;            /* a cost line or the cost total (amounts are spending) */
	crm_track_cell *month;  /* months 0..last */
	crm_track_cell *cum;    /* through months 0..last */
	unsigned char *given;   /* lines: months 0..last with an actual given */
	/* Index over the months with actuals (not defined for Net). */
	double index_plan, index_actual;
	double index;           /* index_actual / index_plan, when index_ok */
	int index_ok;
	double trend;           /* lines: the factor the trend re-forecast applies */
	crm_trend_basis trend_basis;
	int *assumed;           /* lines: months with actuals for other lines but none for this */
	size_t nassumed;        /* one, where its plan is not 0: counted as plan */
} crm_track_row;

/* NPV, IRR and payback of one set of flows on the scenario's grid. */
typedef struct crm_track_figures {
	double npv;
	crm_irr irr;
	double irr_value;       /* the root nearest the discount rate, when irr_ok */
	int irr_ok;
	crm_payback payback;
} crm_track_figures;

typedef enum crm_crit_status {
	CRM_CRIT_MET,           /* the latest value reaches the target */
	CRM_CRIT_NOT_MET,       /* due, measured at or after its due month, short of the target */
	CRM_CRIT_OVERDUE,       /* due, and not measured since its due month (or no target) */
	CRM_CRIT_NOT_YET_DUE    /* not met, but its due month is after the last month with actuals */
} crm_crit_status;

typedef struct crm_track_criterion {
	int criterion;          /* index in sc->criteria */
	size_t nmeasured;       /* measured values given */
	int latest_month;       /* month of the latest measured value, when nmeasured */
	double latest;
	double progress;        /* (latest - baseline) / (target - baseline), when progress_ok */
	int progress_ok;
	int due_so_far;         /* its due month is at or before the last month with actuals */
	crm_crit_status status;
	int missed;             /* due so far and not met: counts against the phase's gate */
} crm_track_criterion;

typedef enum crm_verdict { CRM_ON_TRACK, CRM_AT_RISK, CRM_OFF_TRACK } crm_verdict;

typedef struct crm_track_phase {
	int phase;              /* index in sc->phases */
	size_t ncriteria, ndue, nmissed;
	crm_verdict verdict;
	char reason[200];       /* why, in words */
} crm_track_phase;

typedef struct crm_track {
	const crm_scenario *sc; /* borrowed */
	int months;             /* the horizon in months */
	int last;               /* the last month with actuals (of any kind) */
	unsigned char *with_actuals;   /* months 0..last: some cost or benefit actual given */
	crm_track_row *rows;    /* every line in scenario order, then costs, benefits, net */
	size_t nrows;
	/* Monthly net flows, months 0..months. */
	double *plan_flow;      /* the approved plan */
	double *plan_raw_flow;  /* the plan before risk adjustment */
	double *reforecast_plan_flow;   /* actuals to date, then the plan */
	double *reforecast_trend_flow;  /* actuals to date, then the plan x each line's index */
	/* On the scenario's grid: the approved plan and the two re-forecasts. */
	crm_track_figures approved, plan, trend;
	crm_track_criterion *criteria;  /* as sc->criteria */
	crm_track_phase *phases;        /* as sc->phases */
	crm_warnings warnings;  /* things the reader should know (no actual for a line, ...) */
} crm_track;

/*
 * Compare sc's plan with the actuals a (which must have been made for sc and
 * hold at least one row). The caller owns *out (free with crm_track_free).
 * Errors: CRM_EDATA when the plan cannot be evaluated, CRM_ENUM when IRR
 * solving fails, CRM_ENOMEM.
 */
crm_status crm_track_compute(const crm_scenario *sc, const crm_actuals *a, crm_track **out,
			     crm_error *err);
void crm_track_free(crm_track *t);

const char *crm_verdict_name(crm_verdict v);       /* "on track", "at risk", "off track" */
const char *crm_crit_status_name(crm_crit_status s);  /* "met", "not met", ... */

/*
 * "month 6" or, when the scenario has a start date, "month 6 (2027-06)";
 * month 0 is "month 0 (Initial)".
 */
void crm_track_month_label(const crm_scenario *sc, int month, char *buf, size_t len);

/*
 * What `crmroi check` warns about in a tracked plan (one with phases): a
 * phase measured by fewer than three criteria, a criterion without owner,
 * baseline or target, a benefit line without owner or metric. Appends to w.
 */
crm_status crm_track_plan_warnings(const crm_scenario *sc, crm_warnings *w);

#endif
