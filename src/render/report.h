/*
 * report.h - one business case as `crmroi run` shows it (text, markdown, CSV,
 * JSON), and the columns of the cash-flow tables every renderer shares.
 */
#ifndef CRMROI_REPORT_H
#define CRMROI_REPORT_H

#include "render.h"

/*
 * A business case as the reports show it: the scenario and its case
 * (crmroi/case.h), which the report owns, and the columns of its cash-flow
 * tables.
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

void report_text(const report *r, FILE *fp);
void report_markdown(const report *r, FILE *fp);
void report_csv(const report *r, FILE *fp);
/*
 * The pieces of report_csv, for one table over several scenarios: the header
 * (with a first column "scenario" when asked), and the rows (with scenario in
 * that column when not NULL). Two reports share a header when their period
 * columns are the same.
 */
void report_csv_header(const report *r, FILE *fp, int with_scenario);
void report_csv_rows(const report *r, FILE *fp, const char *scenario);
int report_csv_header_same(const report *a, const report *b);
void report_json(const report *r, FILE *fp);
/*
 * The reports of n scenarios in one output (report_many.c): one after another
 * in text and markdown, one CSV table with a scenario column (a new header
 * where the period columns change), a JSON array.
 */
void report_write(const report *reps, size_t n, out_format fmt, FILE *fp);

#endif
