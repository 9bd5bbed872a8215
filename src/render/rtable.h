/*
 * rtable.h - a result table with typed cells, printed in every output format.
 *
 * Columns have a key (CSV header, JSON key), a label (text and markdown) and
 * a unit that decides how numbers are shown to people. A cell is a number,
 * a text, or "not available" with the reason, which text and CSV show in
 * place of a number and JSON gives as null with a "<key>_note".
 */
#ifndef CRMROI_RTABLE_H
#define CRMROI_RTABLE_H

#include "render.h"

#define UNIT_TEXT (-1)

typedef struct rcell {
	int kind;          /* 0 empty, 1 number, 2 text, 3 not available */
	double v;
	char *text;        /* text, or the reason for n/a */
} rcell;

typedef struct rtable {
	size_t ncols, nrows, cap;
	char **keys, **labels;
	int *units;
	rcell *cells;
} rtable;

int rtable_init(rtable *t, size_t ncols);
void rtable_col(rtable *t, size_t c, const char *key, const char *label, int unit);
/* Append an empty row; returns its index, or -1 on no memory. */
long rtable_row(rtable *t);
void rtable_num(rtable *t, long r, size_t c, double v);
void rtable_text(rtable *t, long r, size_t c, const char *s);
void rtable_value(rtable *t, long r, size_t c, const crm_value *v);
void rtable_free(rtable *t);

/* A number in a unit for people (money without cents, rates in %, months to 0.1). */
void fmt_unit(char *buf, size_t len, double v, int unit);

void rtable_print_text(const rtable *t, FILE *fp, const char *indent);
void rtable_print_markdown(const rtable *t, FILE *fp);
void rtable_print_csv(const rtable *t, FILE *fp);
/*
 * The same for a table written in blocks (a streamed data table): na[c] says
 * whether column c has a "<key>_note" column anywhere in the whole table (NULL:
 * none); the header row only when header is set.
 */
void rtable_print_csv_block(const rtable *t, FILE *fp, const char *na, int header);
/* JSON array of row objects, indented by `indent` spaces. */
void rtable_print_json(const rtable *t, FILE *fp, int indent);

#endif
