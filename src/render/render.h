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
/*
 * Room for any finite double as fmt_money shows it: 309 integer digits, their
 * 102 thousands separators, a sign, a point and up to 20 decimals.
 */
#define FMT_NUM_MAX 448
/* 1234567.891 -> "1,234,567.89" with the given decimals; "-" sign kept. */
void fmt_money(char *buf, size_t len, double v, int decimals);
void fmt_percent(char *buf, size_t len, double fraction);
/* Points with at most two decimals (640, 37.5, 16.67); never "-0". */
void fmt_points(char *buf, size_t len, double v);
/* A fraction as a percentage with at most two decimals: 64%, 61.71%. */
void fmt_share(char *buf, size_t len, double fraction);
/* A factor with at most four decimals: 0.82, 0.8188, 1. */
void fmt_factor(char *buf, size_t len, double v);
/* Shortest text that reads back as exactly v (for CSV and JSON). */
void fmt_exact(char *buf, size_t len, double v);
/*
 * A rate as a percentage, exactly: the shortest text of v with its point
 * moved two places ("0.004" reads "0.4%", "0.75" reads "75%"), no digit
 * made up by multiplying by 100.
 */
void fmt_exact_percent(char *buf, size_t len, double v);

/*
 * v rounded to 15 significant digits: a grid point from + i x step shown as
 * it was meant (0.3, not 0.30000000000000004).
 */
double round15(double v);
/* A malloc'd string of any length, printf-formatted (the caller frees it); NULL on no memory. */
char *dup_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- CSV and JSON writing ---- */
/*
 * A text cell, quoted when it must be (a comma, a quote, a line break, a
 * space at either end), after a comma unless first; NULL writes an empty
 * cell. Text a spreadsheet would take for a formula (=, +, -, @, a tab or a
 * carriage return first, and not a number as a whole, "-5000" or "-3%") is
 * neutralised with a leading ', unless csv_set_raw_text(1).
 */
void csv_field(FILE *fp, const char *s, int first);
/* The same never neutralised: for a file crmroi reads back (a scenario, whose formulas start with -). */
void csv_field_raw(FILE *fp, const char *s, int first);
/* The same cell into dst, with room for 2 x strlen(s) + 3 bytes (no NUL added); returns its length. */
size_t csv_text(char *dst, const char *s);
/*
 * raw: every CSV text cell as it is, with no leading ' (--raw-text, for
 * pipelines that want the bytes). Set once, before any output; the same for
 * the whole run.
 */
void csv_set_raw_text(int raw);
/*
 * on: every CSV is written as a spreadsheet with a European locale reads it
 * (--decimal-comma): fields separated by ';' (csv_sep), numbers with a
 * decimal comma (1234,5), text quoted when it holds a ';'. Set once, before
 * any output; the same for the whole run.
 */
void csv_set_decimal_comma(int on);
/* The CSV field separator: ',', or ';' with csv_set_decimal_comma(1). */
char csv_sep(void);
/*
 * A number's text (as fmt_exact or fmt_points writes it) with the decimal
 * mark CSV writes, in place: its point a comma under
 * csv_set_decimal_comma(1), for a number shown rounded in a CSV cell.
 */
void csv_mark(char *s);
/*
 * A number as csv_number writes it (its shortest exact text, with a comma
 * for the point under csv_set_decimal_comma(1)) into dst, which has room
 * for FMT_SHORTEST_MAX bytes; NUL-terminated; returns its length.
 */
size_t csv_number_text(char *dst, double v);

/*
 * Colour in text tables: a negative number in red. RENDER_COLOR_NEVER (the
 * default), RENDER_COLOR_ALWAYS, or RENDER_COLOR_TTY: when the stream is a
 * terminal. Set once, before any output (--color; NO_COLOR is the front
 * end's to read). Never in CSV, JSON, markdown or HTML.
 */
enum { RENDER_COLOR_NEVER, RENDER_COLOR_ALWAYS, RENDER_COLOR_TTY };
void render_set_color(int when);
/* A number: its shortest exact text, never neutralised; an empty cell when not finite. */
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

/* ---- markdown writing ---- */
/*
 * Text as markdown shows it, in a table cell or a paragraph alike: <, > and
 * & as &lt;, &gt; and &amp; (no tag or entity of the text reaches a viewer),
 * | as \| (no cell ends), and a line break as <br> (no row or block ends).
 * Every piece of text a markdown output writes passes through it; the
 * markup around it (#, -, **, |) does not.
 */
void md_text(FILE *fp, const char *s);
/* md_text of the printf-formatted text: for a sentence that quotes the user's text. */
void md_printf(FILE *fp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- text tables ---- */
/*
 * A heading row prints its first cell alone; a note row prints its first cell
 * on a line of its own under the row before it (text only, markdown skips it).
 */
enum { ROW_NORMAL = 0, ROW_HEADING = 1, ROW_TOTAL = 2, ROW_NOTE = 3 };

/* Text width when standard output is not a terminal. */
#define RENDER_WIDTH 100
typedef struct text_table {
	size_t ncols, nrows, cap;
	char **cells;      /* nrows x ncols, NULL for empty; copies held in text */
	int *flags;        /* per row */
	int *right;        /* per column: right-aligned */
	int wrap_last;     /* the last column is free text that may be wrapped */
	crm_block *text;   /* the cells' text (crmroi/blocks.h), freed at once */
} text_table;

int table_init(text_table *t, size_t ncols);
/* Append a row; cells may hold NULLs. Copies the strings. */
int table_add(text_table *t, int flags, const char *const *cells);
/*
 * Columns aligned; a table wider than render_width(fp) is printed in blocks of
 * columns, each block led by the first column.
 */
void table_print_text(const text_table *t, FILE *fp, const char *indent);
/*
 * The layout table_print_text gives a table whose columns are widths[] wide
 * (the widest cell of each, header included), for a table printed in parts
 * (a streamed data table): text_layout_block gives the columns of the block
 * that starts at column from (cols[0] is the label column; *n columns in
 * all) and returns where the next starts (ncols after the last);
 * text_layout_row prints row r of t, which has ncols columns (only those of
 * cols are read), as table_print_text prints it in that block.
 */
typedef struct text_layout {
	size_t ncols;
	size_t *w;
	size_t limit, total, wrap, per_block;
	int wrap_last;
	int color;          /* negative numbers in red (asked once, not per row) */
	const char *indent;
} text_layout;
int text_layout_init(text_layout *l, FILE *fp, const char *indent, size_t ncols,
		     const size_t *widths, int wrap_last);
size_t text_layout_block(const text_layout *l, size_t from, size_t *cols, size_t *n, size_t *bwrap);
void text_layout_row(const text_layout *l, const text_table *t, FILE *fp, size_t r,
		     const size_t *cols, size_t n, size_t bwrap);
void text_layout_free(text_layout *l);
/* The columns text takes on a terminal (UTF-8 characters, not bytes). */
size_t text_width(const char *s);
/*
 * indent, then text wrapped at words to render_width(fp), further lines
 * indented alike; a line break of text starts a further line.
 */
void print_para(FILE *fp, const char *indent, const char *text);
/*
 * text as it is, not wrapped, but for a line break in it (a note's, a
 * learning's): each further line starts after col spaces, never at column 0.
 */
void print_lines(FILE *fp, size_t col, const char *text);
/* The terminal's width when fp is one, RENDER_WIDTH otherwise. */
size_t render_width(FILE *fp);
void table_print_markdown(const text_table *t, FILE *fp);
void table_free(text_table *t);

#endif
