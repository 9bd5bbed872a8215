/*
 * report.h - one business case as `crmroi run` shows it: text, markdown, CSV,
 * JSON. The case and the columns of its cash-flow tables, which every
 * renderer shares, are in columns.h.
 */
#ifndef CRMROI_REPORT_H
#define CRMROI_REPORT_H

#include "columns.h"

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
