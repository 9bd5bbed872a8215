/*
 * sens_view.h - the output of the sensitivity commands (crmroi tornado,
 * spider, sweep, breakeven) in text, markdown, CSV and JSON: their tables,
 * the tornado chart and the notes under each title, written from the
 * core's result structs to a FILE * the caller gives.
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

/*
 * breakeven --probability: the value of input p at which P(NPV < 0) reaches
 * target (crm_prob_goal_seek's g), with its Monte Carlo band, the draws and
 * seed. CRM_ENOMEM only.
 */
crm_status sens_view_prob_goal(FILE *fp, const sens_view_opts *vo, const crm_scenario *sc,
			       const crm_param *p, double target, uint64_t seed,
			       const crm_prob_goal *g, crm_error *err);

/* base: the metric at the base case. CRM_ENOMEM only. */
crm_status sens_view_breakeven(FILE *fp, const sens_view_opts *vo, const crm_scenario *sc,
			       crm_metric_id m, const sens_view_breakeven_search *q,
			       const crm_breakeven_row *rows, size_t n, const crm_value *base,
			       crm_error *err);

/* ---- crmroi sweep: a one-way data table ---- */

/* Rows a one-way table is written in at a time: hand sens_view_sweep_rows blocks of these. */
#define SENS_VIEW_SWEEP_BLOCK 4096

/*
 * A one-way table being written, in any format: begin, then the blocks of
 * crm_datatable_one_way in order through sens_view_sweep_rows, then end. A
 * CSV table of more than one block first needs to know which columns have
 * an undefined value anywhere (sens_view_sweep_two_pass): a first pass of
 * the table through sens_view_sweep_undefined, before the one through
 * sens_view_sweep_rows. Text and markdown are laid out whole at the end.
 */
typedef struct sens_view_sweep {
	FILE *fp;
	const sens_view_opts *vo;
	const crm_scenario *sc;
	const crm_param *p;
	const crm_datatable_axis *ax;
	const crm_metric_id *metrics;
	size_t nmetrics;
	char na[CRM_METRIC_COUNT + 2];   /* columns with an undefined value (the first pass) */
	rtable t;
} sens_view_sweep;

/* Borrows everything until end. CRM_ENOMEM, with nothing written. */
crm_status sens_view_sweep_begin(sens_view_sweep *w, FILE *fp, const sens_view_opts *vo,
				 const crm_scenario *sc, const crm_param *p,
				 const crm_datatable_axis *ax, const crm_metric_id *metrics,
				 size_t nmetrics, crm_error *err);
int sens_view_sweep_two_pass(const sens_view_sweep *w);
/* crm_datatable_fn, ctx a sens_view_sweep. */
crm_status sens_view_sweep_undefined(void *w, crm_datatable_block *b, crm_error *err);
crm_status sens_view_sweep_rows(void *w, crm_datatable_block *b, crm_error *err);
/*
 * The end of the table, whatever st (the status of the evaluation), and the
 * table for people when st is CRM_OK. Returns st. Frees what w holds.
 */
crm_status sens_view_sweep_end(sens_view_sweep *w, crm_status st, crm_error *err);

/* ---- crmroi sweep: a two-way data table ---- */

/*
 * Text or markdown, streamed, laid out as a table for people is laid out
 * whole (table_print_text, table_print_markdown): begin writes the title and
 * notes. Text first needs each
 * column's width (sens_view_people_measuring): a pass of the table through
 * sens_view_people_measure. Then, for each part of the columns that
 * sens_view_people_part gives (text prints a table wider than the page in
 * blocks of columns; markdown in one), a pass of those columns
 * (crm_datatable_axis_part) through sens_view_people_rows, which prints
 * them. Memory does not grow with the rows; text keeps a few numbers per
 * column (at most SENS_VIEW_PEOPLE_MAX_COLUMNS columns).
 */
#define SENS_VIEW_PEOPLE_MAX_COLUMNS 100000
typedef struct sens_view_people {
	FILE *fp;
	const sens_view_opts *vo;
	const crm_param *p1, *p2;
	const crm_datatable_axis *ax1, *ax2;
	int unit1, unit2, unit;      /* of the row values, the column values, the cells */
	size_t ncols;                /* ax2->n + 1, the label column first */
	size_t *widths;              /* text: each column's widest text */
	text_layout layout;
	int laid_out;
	size_t *cols, ncols_part, bwrap, from, first;
	int parts;                   /* parts handed out */
	text_table row;              /* text: the row being printed (the part's columns) */
	char (*buf)[FMT_NUM_MAX];    /* text: the part's cells */
	char **own;                  /* text: the part's cells that are n/a, allocated */
} sens_view_people;

crm_status sens_view_people_begin(sens_view_people *g, FILE *fp, const sens_view_opts *vo,
				  const crm_scenario *sc, const crm_param *p1,
				  const crm_datatable_axis *ax1, const crm_param *p2,
				  const crm_datatable_axis *ax2, crm_metric_id m, crm_error *err);
int sens_view_people_measuring(const sens_view_people *g);
/* crm_datatable_fn, g a sens_view_people: the widths of the whole table's columns. */
crm_status sens_view_people_measure(void *g, crm_datatable_block *b, crm_error *err);
/*
 * The next part of the columns, as first and n of ax2 (its header printed):
 * 1, or 0 after the last. CRM_ENOMEM in *st.
 */
int sens_view_people_part(sens_view_people *g, size_t *first, size_t *n, crm_status *st,
			  crm_error *err);
/* crm_datatable_fn, g a sens_view_people: rows of the current part, printed. */
crm_status sens_view_people_rows(void *g, crm_datatable_block *b, crm_error *err);
/* Returns st, or a write error. Frees what g holds. */
crm_status sens_view_people_end(sens_view_people *g, crm_status st, crm_error *err);

/*
 * CSV or JSON, streamed: begin writes what comes before the values; then
 * give crm_datatable_two_way_stream sens_view_grid_prepare (turns a block
 * into text, in the thread that computed it), sens_view_grid_emit (writes it,
 * in order) and sens_view_grid_release, with the sens_view_grid as ctx; end
 * writes what follows. JSON's "undefined" entries wait in a temporary file
 * meanwhile, so memory does not grow with them.
 */
typedef struct sens_view_grid {
	FILE *fp;
	const sens_view_opts *vo;
	const crm_datatable_axis *ax1;
	FILE *undef;            /* JSON: the "undefined" entries so far */
	int any_undef;
} sens_view_grid;

/* CRM_EIO when a temporary file cannot be made (nothing written then). */
crm_status sens_view_grid_begin(sens_view_grid *g, FILE *fp, const sens_view_opts *vo,
				const crm_scenario *sc, const crm_param *p1,
				const crm_datatable_axis *ax1, const crm_param *p2,
				const crm_datatable_axis *ax2, crm_metric_id m, crm_error *err);
crm_status sens_view_grid_prepare(void *g, crm_datatable_block *b, crm_error *err);
crm_status sens_view_grid_emit(void *g, crm_datatable_block *b, crm_error *err);
void sens_view_grid_release(void *g, void *user);
/* What follows the values when st is CRM_OK; returns st or a write error. Frees what g holds. */
crm_status sens_view_grid_end(sens_view_grid *g, crm_status st, crm_error *err);

#endif
