/*
 * report.h - one evaluated scenario, and the table views the reports print.
 */
#ifndef CRMROI_REPORT_H
#define CRMROI_REPORT_H

#include "cli.h"

typedef struct report {
	const char *path;          /* as given on the command line */
	crm_scenario *sc;
	crm_model *model;
	crm_cashflow *cf;
	crm_metrics m;
	int has_tax;                /* setting tax_rate: the after-tax view */
	crm_after_tax at;
	/* The view: columns of the cash-flow table. */
	int by_month;              /* show months (grid must be monthly) */
	int ncols;                 /* Initial + years or months */
	int *col_of;               /* native period -> view column */
} report;

/* Load, compile, evaluate and measure path. Returns an exit status; on failure prints the error. */
int report_build(report *r, const char *path, int by_month);
void report_free(report *r);

/* Column label ("Initial", "Year 2", "2027-03", "M14"). */
void report_col_label(const report *r, int col, char *buf, size_t len);
/* Sum a per-period array into view columns (out has ncols entries). */
void report_fold(const report *r, const double *per_period, double *out);

void report_text(const report *r, FILE *fp);
void report_markdown(const report *r, FILE *fp);
void report_csv(const report *r, FILE *fp);
void report_json(const report *r, FILE *fp);

#endif
