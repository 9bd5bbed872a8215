/*
 * columns.h - a business case as every renderer shows it: the scenario, its
 * case (crmroi/case.h), and the columns of its cash-flow tables: Initial,
 * then years, or months when the grid is monthly and the caller asks.
 *
 * The lowest module of the renderers that lay out a case: `crmroi run`
 * (report.h), its adoption and after-tax views, the document (html.h) and
 * the workbook (workbook.h) read this view. It writes no format itself.
 */
#ifndef CRMROI_COLUMNS_H
#define CRMROI_COLUMNS_H

#include "render.h"

/*
 * A business case as the renderers show it: the scenario and its case, which
 * the report owns, and the columns of its cash-flow tables.
 */
typedef struct report {
	crm_scenario *sc;          /* owned: freed by report_free */
	crm_case *c;               /* owned: the case of sc */
	int by_month;              /* show months (the grid is monthly) */
	int ncols;                 /* Initial + years or months */
	int *col_of;               /* native period -> view column */
} report;

/*
 * Show the case c of sc (r takes over both, and frees them with report_free,
 * also when this fails) by year, or by month when by_month (the grid must be
 * monthly). CRM_ENOMEM with err filled.
 */
crm_status report_init(report *r, crm_scenario *sc, crm_case *c, int by_month, crm_error *err);
void report_free(report *r);

/* Column label ("Initial", "Year 2", "2027-03", "M14"). */
void report_col_label(const report *r, int col, char *buf, size_t len);
/* Sum a per-period array into view columns (out has ncols entries). */
void report_fold(const report *r, const double *per_period, double *out);
/* Line l's amounts in cf, folded into view columns (out has ncols entries). */
void report_fold_line(const report *r, const crm_cashflow *cf, size_t l, double *out);
/* The sum of a row of view columns (ncols entries). */
double report_col_total(const report *r, const double *cols);

/*
 * The distinct areas (benefits) or categories (costs) of the lines of one
 * kind, in order of first appearance, only of the lines the metrics count
 * when counted_only; out has room for every line. Borrowed from the scenario.
 */
size_t report_areas(const report *r, crm_line_kind kind, int counted_only, const char **out);

/* Whether outputs show the benefits by class: with --only, or when some benefit is not cash. */
int report_classes_shown(const report *r);
/*
 * The amount of the benefits of class cls in native period p, each line's
 * from the evaluation that holds it (crm_case_line_flows): a class the
 * metrics leave out has its amounts too.
 */
double report_class_amount(const report *r, crm_class cls, int p);

#endif
