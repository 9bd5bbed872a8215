/*
 * sens_view.h - the output of the sensitivity commands crmroi tornado,
 * spider and breakeven in text, markdown, CSV and JSON: their tables, the
 * tornado chart and the notes under each title, written from the core's
 * result structs to a FILE * the caller gives.
 *
 * Nothing here computes a metric, reads options or knows where the output
 * goes; the command line (cmd_sens.c) does that and hands results over.
 * The sentences that explain a break-even are explain.c's.
 */
#ifndef CRMROI_SENS_VIEW_H
#define CRMROI_SENS_VIEW_H

#include "render.h"
#include "rtable.h"

/* How results are shown: what the command line asked for, nothing computed. */
typedef struct sens_view_opts {
	out_format fmt;
	const char *only;       /* --only: the classes counted ("cash,flexibility"); "" without */
	const char *out_name;   /* the output in messages: its file name, or "<stdout>" */
} sens_view_opts;

/*
 * Several scenarios' results in one output: begin_item before result i of
 * n (the opening "[" of several JSON documents, or the separator), end_item
 * after each, end_list after the last.
 */
void sens_view_begin_item(FILE *fp, out_format fmt, int i, int n);
void sens_view_end_item(FILE *fp, out_format fmt, int n);
void sens_view_end_list(FILE *fp, out_format fmt, int n);

/*
 * crmroi tornado: rows, n and base as crm_tornado gives them, pct the --pct
 * used (0 without). left_out[i]: the classes of everything row i's
 * parameter feeds when none is counted, for a row that moves nothing (0
 * otherwise); NULL when there is none. CRM_ENOMEM only.
 */
crm_status sens_view_tornado(FILE *fp, const sens_view_opts *vo, const crm_scenario *sc,
			     crm_metric_id m, double pct, const crm_tornado_row *rows, size_t n,
			     const crm_value *base, const unsigned *left_out, crm_error *err);

/*
 * crmroi spider: params, values (n x nsteps) as crm_spider gives them for
 * steps (percentages of the base value); base the metric at the base case.
 * CRM_ENOMEM only.
 */
crm_status sens_view_spider(FILE *fp, const sens_view_opts *vo, const crm_scenario *sc,
			    crm_metric_id m, const double *steps, size_t nsteps,
			    const crm_param *params, size_t n, const crm_value *values,
			    const crm_value *base, crm_error *err);

/* ---- crmroi breakeven ---- */

/* What was searched for. */
typedef struct sens_view_breakeven_search {
	double target;
	int interval_given;     /* --interval */
	int one_input;          /* --input: the one row is the parameter asked for */
} sens_view_breakeven_search;

/* A row: a break-even of one parameter, or why it was not searched. */
typedef struct sens_view_breakeven_row {
	crm_breakeven be;       /* be.param in every row; the rest when searched */
	double lo, hi;          /* the interval given to the solver */
	int searched;           /* 0: the solver refused the interval, for the reason in why_not */
	char why_not[1024];
	unsigned left_out;      /* CRM_BE_FLAT: as explain_breakeven takes it */
} sens_view_breakeven_row;

/* base: the metric at the base case. CRM_ENOMEM only. */
crm_status sens_view_breakeven(FILE *fp, const sens_view_opts *vo, const crm_scenario *sc,
			       crm_metric_id m, const sens_view_breakeven_search *q,
			       const sens_view_breakeven_row *rows, size_t n, const crm_value *base,
			       crm_error *err);

#endif
