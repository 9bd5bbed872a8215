/*
 * report_priv.h - what the formats of `crmroi run` share (report.c): the
 * cash-flow table as rows of numbers, and the headline metrics with the
 * lines run adds to them. Private to report*.c; report.h is the interface.
 */
#ifndef CRMROI_REPORT_PRIV_H
#define CRMROI_REPORT_PRIV_H

#include "headline.h"
#include "report.h"

/*
 * The cash-flow table as rows of numbers, shared by text, markdown and CSV.
 * kind: "cost"/"benefit" line, "cost_category"/"benefit_area" subtotal,
 * "total" rows.
 */
typedef struct cf_row {
	const char *section;   /* cost, benefit, cost_category, benefit_area, total */
	const char *name;      /* borrowed from the scenario, or static */
	const char *area;
	double *vals;          /* ncols */
	double total, pv;
	int has_total, has_pv;
	const char *note;
	const crm_line *line;  /* the line of a cost or benefit row, else NULL */
	const char *cls;       /* a benefit line's class, or the class of a class subtotal */
	int heading_before;    /* print a section heading before this row (text) */
	const char *heading;
	int flags;
} cf_row;

typedef struct cf_rows {
	cf_row *rows;
	size_t n;
	double *store;
} cf_rows;

/*
 * The rows of r's cash-flow table into out: lines, subtotals by area or
 * category and by class, totals, and the benefits the metrics leave out.
 * 0, or -1 when out of memory (out then holds nothing to free).
 */
int report_rows_build(const report *r, cf_rows *out);
void report_rows_free(cf_rows *rows);

/*
 * The headline metrics in display order, shared by every format; with the
 * present value of flexibility after them when the metrics leave it out.
 * out has HEADLINE_MAX entries; how many.
 */
size_t report_metric_items(const report *r, headline_item *out);

#endif
