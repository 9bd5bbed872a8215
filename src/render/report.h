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
	/*
	 * Benefit classes: the evaluation with every class counted (for the
	 * subtotals of classes the metrics leave out), or NULL when every
	 * benefit counts already and cf serves; per class, the benefit lines of
	 * that class, their undiscounted total and present value.
	 */
	crm_model *all_model;
	crm_cashflow *all_cf;
	size_t cls_lines[CRM_NCLASSES];
	double cls_total[CRM_NCLASSES], cls_pv[CRM_NCLASSES];
	int only_given;            /* --only chose the classes */
} report;

/* Load, compile, evaluate and measure path. Returns an exit status; on failure prints the error. */
int report_build(report *r, const char *path, int by_month);
/*
 * The same counting the benefit classes in classes (CRM_CLASS_BIT set; costs
 * always count) instead of the scenario's own set, when classes is not 0.
 */
int report_build_classes(report *r, const char *path, int by_month, unsigned classes);
/* Whether benefit line l counts in r's metrics (its class is in the set). */
int report_line_counted(const report *r, size_t l);
/* Any benefit line whose class the metrics leave out. */
int report_any_left_out(const report *r);
void report_free(report *r);
/*
 * Print the warnings of reps[i] that no earlier report (reps[0..i-1], built
 * or not) printed: a base file shared by several scenarios warns once.
 */
void report_warnings_once(const report *reps, int i);

/* Column label ("Initial", "Year 2", "2027-03", "M14"). */
void report_col_label(const report *r, int col, char *buf, size_t len);
/* Sum a per-period array into view columns (out has ncols entries). */
void report_fold(const report *r, const double *per_period, double *out);
/* Present value of line l's amounts in r->cf (a line with a date of its own at that date). */
double report_line_pv(const report *r, size_t l);

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

#endif
