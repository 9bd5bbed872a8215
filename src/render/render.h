/*
 * render.h - the output layer: how results are shown in text, markdown, CSV
 * and JSON (and the HTML and workbook renderers built on the same helpers).
 *
 * Renderers are fed the result structs the core returns and never recompute
 * a metric, so every format shows the same numbers. The core (libcrmroi)
 * never includes this header.
 */
#ifndef CRMROI_RENDER_H
#define CRMROI_RENDER_H

#include <stdio.h>

#include "crmroi/crmroi.h"

typedef enum { FMT_TEXT, FMT_CSV, FMT_JSON, FMT_MARKDOWN } out_format;

/* ---- number formatting ---- */
/* 1234567.891 -> "1,234,567.89" with the given decimals; "-" sign kept. */
void fmt_money(char *buf, size_t len, double v, int decimals);
void fmt_percent(char *buf, size_t len, double fraction);
/* Shortest text that reads back as exactly v (for CSV and JSON). */
void fmt_exact(char *buf, size_t len, double v);

/* ---- CSV and JSON writing ---- */
void csv_field(FILE *fp, const char *s, int first);
void csv_number(FILE *fp, double v, int first);
/*
 * A number with 15 significant digits, as a spreadsheet keeps it: for bulk
 * tables, where exact round-trip formatting would cost more than computing
 * the number.
 */
void csv_number15(FILE *fp, double v, int first);
void csv_end(FILE *fp);
void json_string(FILE *fp, const char *s);
void json_number(FILE *fp, double v);

/* ---- text tables ---- */
enum { ROW_NORMAL = 0, ROW_HEADING = 1, ROW_TOTAL = 2 };
typedef struct text_table {
	size_t ncols, nrows, cap;
	char **cells;      /* nrows x ncols, NULL for empty */
	int *flags;        /* per row */
	int *right;        /* per column: right-aligned */
} text_table;

int table_init(text_table *t, size_t ncols);
/* Append a row; cells may hold NULLs. Copies the strings. */
int table_add(text_table *t, int flags, const char *const *cells);
void table_print_text(const text_table *t, FILE *fp, const char *indent);
void table_print_markdown(const text_table *t, FILE *fp);
void table_free(text_table *t);

#endif
